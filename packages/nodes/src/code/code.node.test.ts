import { describe, expect, it } from 'vitest';
import { runNodeInFlow, type CodeRunRequest, type CodeSandbox } from '@hookflow/engine';
import { codeNode } from './code.node';

const trigger = { body: { order: { total: 100, id: 'A-1' } } };

describe('code node', () => {
  it('outputs what the code returns from trigger, earlier nodes and flow, with its console lines on the step', async () => {
    const { step } = await runNodeInFlow({
      nodeType: codeNode,
      trigger,
      params: { code: 'console.log("order", trigger.body.order.id);\nreturn { total: trigger.body.order.total * 1.2, method: nodes.trigger.method, flow: flow.name };' },
    });
    expect(step).toMatchObject({ status: 'success', output: { total: 120, method: 'POST', flow: 'test flow' }, logs: ['order A-1'] });
  });

  it('never renders the code as a template', async () => {
    const { step } = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'return "{{trigger.body.order.id}}";' } });
    expect(step.output).toBe('{{trigger.body.order.id}}');
  });

  it('takes braces in the code as code: no template check, no reference check, on save or run', async () => {
    const code = 'const tpl = "{{nodes.missing.total}} {{#if";\nreturn { tpl };';
    const { step } = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code } });
    expect(step).toMatchObject({ status: 'success', output: { tpl: '{{nodes.missing.total}} {{#if' } });
  });

  it('reports a syntax error as a settings problem on the code param, with the line', async () => {
    const { step } = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'const a = 1;\nconst b = ;' } });
    expect(step.error).toMatchObject({ kind: 'config', param: 'code', retryable: false });
    expect(step.error?.message).toMatch(/^SyntaxError on line 2: /);
  });

  it('reports a thrown error with its line and keeps what was logged before it', async () => {
    const { step } = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'console.log("checking");\nthrow new Error("no customer");' } });
    expect(step).toMatchObject({ status: 'error', logs: ['checking'], error: { kind: 'runtime', retryable: false, message: 'Error thrown on line 2: no customer', details: { kind: 'thrown', line: 2 } } });
  });

  it('says in plain words that the time or memory limit stopped the code', async () => {
    const loop = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'while (true) {}', timeoutMs: 100 } });
    expect(loop.step.error?.message).toBe('Your code ran longer than 100 ms and was stopped');
    const bomb = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'const a = []; while (true) a.push("x".repeat(1e6));', memoryMb: 16 } });
    expect(bomb.step.error?.message).toBe('Your code used more than 16 MB of memory and was stopped');
  });

  it('caps the limits at the server-wide maxima it is given', async () => {
    const requests: CodeRunRequest[] = [];
    const sandbox: CodeSandbox = {
      async run(request) {
        requests.push(request);
        return { ok: true, output: { ran: true }, logs: [] };
      },
    };
    const { step } = await runNodeInFlow({
      nodeType: codeNode,
      trigger,
      params: { code: 'return 1;', timeoutMs: 60_000, memoryMb: 512 },
      services: { sandbox, settings: { CODE_MAX_TIMEOUT_MS: '5000', CODE_MAX_MEMORY_MB: '64' } },
    });
    expect(step.output).toEqual({ ran: true });
    expect(requests).toEqual([expect.objectContaining({ code: 'return 1;', timeoutMs: 5_000, memoryBytes: 64 * 1024 * 1024, input: expect.objectContaining({ trigger: expect.objectContaining(trigger) }) })]);
  });

  it('marks a sandbox failure as retryable and not the code\'s fault', async () => {
    const sandbox: CodeSandbox = { run: async () => ({ ok: false, error: { kind: 'crashed', message: 'worker exited' }, logs: [] }) };
    const { step } = await runNodeInFlow({ nodeType: codeNode, trigger, params: { code: 'return 1;' }, services: { sandbox } });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: true, message: 'The code sandbox failed (not your code): worker exited' });
  });
});
