// The code node over real HTTP: user JavaScript runs in QuickJS on worker threads, its limits hold,
// escape attempts find nothing, and the server keeps answering and running other flows meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeSandboxPool } from '../src/sandbox/code-sandbox-pool';
import { CODE_SANDBOX } from '../src/sandbox/sandbox.tokens';
import { call } from './support/api';
import { startTestServer, type TestServer } from './support/test-server';

type Step = { nodeId: string; status: string; output?: unknown; logs?: string[]; error?: { kind: string; message: string; param?: string; retryable: boolean } };
type Execution = { id: string; eventId: string; status: string; finishedAt: string; steps: Step[] };

describe('the code node', () => {
  let server: TestServer;
  let pool: CodeSandboxPool;

  beforeAll(async () => {
    server = await startTestServer({ CODE_WORKERS: '2', CODE_MAX_TIMEOUT_MS: '2500', CODE_MAX_MEMORY_MB: '128' });
    const sandbox: unknown = server.app.get(CODE_SANDBOX);
    if (!(sandbox instanceof CodeSandboxPool)) throw new Error('the server has no code sandbox pool');
    pool = sandbox;
  });

  afterAll(async () => {
    await server?.close();
    // The pool stops its threads when the application shuts down.
    expect(pool?.workerCount ?? 0).toBe(0);
  });

  /** webhook → code, activated; answers the trigger path. */
  async function codeFlow(code: string, params: Record<string, unknown> = {}): Promise<string> {
    return (await activeCodeFlow(code, params)).path;
  }

  async function activeCodeFlow(code: string, params: Record<string, unknown> = {}): Promise<{ id: string; path: string }> {
    const flow = {
      name: `code ${Math.random().toString(36).slice(2)}`,
      nodes: [
        { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', path: 'in' } },
        { id: 'calc', type: 'code', position: { x: 260, y: 0 }, params: { code, ...params } },
      ],
      edges: [{ id: 'e1', source: 'hook', target: 'calc' }],
    };
    const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', flow);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const activated = await call<{ triggers: Array<{ url: string }> }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    return { id: created.body.id, path: new URL(activated.body.triggers[0].url).pathname };
  }

  async function send(path: string, body: unknown): Promise<string> {
    const answer = await call<{ eventId: string }>(server.url, 'POST', path, body);
    expect(answer.status).toBe(202);
    return answer.body.eventId;
  }

  async function executionOf(eventId: string): Promise<Execution> {
    await server.idle();
    const list = await call<{ items: Array<{ id: string; eventId: string }> }>(server.url, 'GET', `/api/executions?eventId=${eventId}`);
    const found = list.body.items.find((item) => item.eventId === eventId);
    if (!found) throw new Error(`no execution for event ${eventId}`);
    return (await call<Execution>(server.url, 'GET', `/api/executions/${found.id}`)).body;
  }

  async function codeStep(path: string, body: unknown = {}): Promise<Step> {
    const execution = await executionOf(await send(path, body));
    const step = execution.steps.find((s) => s.nodeId === 'calc');
    if (!step) throw new Error(`the code step did not run: ${JSON.stringify(execution)}`);
    return step;
  }

  /** After each abuse: the server answers, and an ordinary code flow still runs. */
  async function expectStillServing(): Promise<void> {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const step = await codeStep(await codeFlow('return { doubled: trigger.body.n * 2 };'), { n: 21 });
    expect(step).toMatchObject({ status: 'success', output: { doubled: 42 } });
  }

  it('outputs what the code computes from trigger, nodes and flow, with its console lines on the step', async () => {
    const path = await codeFlow('console.log("order", trigger.body.order.id);\nreturn { total: trigger.body.order.total * 1.2, method: nodes.hook.method, flow: typeof flow.id };');
    const step = await codeStep(path, { order: { id: 'A-1', total: 100 } });
    expect(step).toMatchObject({ status: 'success', output: { total: 120, method: 'POST', flow: 'string' }, logs: ['order A-1'] });
  });

  it('reports a syntax error as a settings problem on the code, with its line', async () => {
    const step = await codeStep(await codeFlow('const a = 1;\nreturn a +;'));
    expect(step.error).toMatchObject({ kind: 'config', param: 'code', retryable: false });
    expect(step.error?.message).toMatch(/^SyntaxError on line 2: /);
  });

  it('reports a thrown error with its line, keeping what was logged before it', async () => {
    const step = await codeStep(await codeFlow('console.log("looking up", trigger.body.id);\nthrow new Error("unknown customer");'), { id: 7 });
    expect(step).toMatchObject({ status: 'error', logs: ['looking up 7'], error: { kind: 'runtime', message: 'Error thrown on line 2: unknown customer' } });
  });

  it('gives the code no way out: constructor chains, globals and modules find nothing, pollution stays inside', async () => {
    const code = `
      const names = ['process', 'require', 'fetch', 'setTimeout', 'Buffer', 'WebAssembly'];
      Object.prototype.polluted = 'yes';
      return {
        viaConstructor: this.constructor.constructor('return typeof process')(),
        viaFunction: names.map((name) => Function('return typeof globalThis.' + name)()),
        globalThisIsVm: Object.getOwnPropertyNames(Function('return globalThis')()).includes('process'),
      };`;
    const step = await codeStep(await codeFlow(code));
    expect(step).toMatchObject({ status: 'success', output: { viaConstructor: 'undefined', viaFunction: Array(6).fill('undefined'), globalThisIsVm: false } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const imported = await codeStep(await codeFlow('return import("fs");'));
    expect(imported.error?.message).toContain("could not load module 'fs'");
    await expectStillServing();
  });

  it('stops an infinite loop at its time limit while intake keeps answering and other flows run', async () => {
    const loop = await codeFlow('while (true) {}', { timeoutMs: 2_000 });
    const other = await codeFlow('return { ok: true };');
    const loopEvent = await send(loop, {});
    // Wait until the loop is really running on a worker before asking anything else of the server.
    while (pool.busyCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const otherEvent = await send(other, {});
    const answeredAt = Date.now();
    const looped = await executionOf(loopEvent);
    const ran = await executionOf(otherEvent);
    // Ordering, not speed: the intake answer and the other flow's whole run came before the loop was stopped.
    expect(answeredAt).toBeLessThan(Date.parse(looped.finishedAt));
    expect(Date.parse(ran.finishedAt)).toBeLessThanOrEqual(Date.parse(looped.finishedAt));
    expect(ran.status).toBe('success');
    expect(looped.steps[1].error?.message).toBe('Your code ran longer than 2000 ms and was stopped');
    await expectStillServing();
  });

  it('stops a memory bomb at its memory limit', async () => {
    const step = await codeStep(await codeFlow("const a = []; while (true) a.push('x'.repeat(1e6));", { memoryMb: 16 }));
    expect(step.error?.message).toBe('Your code used more than 16 MB of memory and was stopped');
    await expectStillServing();
  });

  it('refuses a huge output', async () => {
    const step = await codeStep(await codeFlow('const chunk = "x".repeat(1024 * 1024); return Array.from({ length: 50 }, () => chunk);', { memoryMb: 128 }));
    expect(step.error?.message).toMatch(/^Your code returned 50 MB of data; a step may output at most 1 MB$/);
    await expectStillServing();
  });

  it('caps a limit above the server maximum', async () => {
    const step = await codeStep(await codeFlow('while (true) {}', { timeoutMs: 60_000, memoryMb: 16 }));
    expect(step.error?.message).toBe('Your code ran longer than 2500 ms and was stopped');
  });

  it('stops a worker stuck in one long native call past its limit, and starts another', async () => {
    // A naive string search QuickJS cannot interrupt: about 10 s of work in a single call.
    const stuck = await codeFlow('const hay = "a".repeat(200000); return hay.indexOf("a".repeat(100000) + "b");', { timeoutMs: 200 });
    const step = await codeStep(stuck);
    expect(step.error?.message).toBe('Your code ran longer than 200 ms and was stopped');
    await expectStillServing();
  });

  it('runs 200 code steps in a row without growing the server', async () => {
    const { id, path } = await activeCodeFlow("const base = 'y'.repeat(1e6); const a = []; for (let i = 0; i < 10; i++) a.push(base + i); return { n: a.length };");
    for (let i = 0; i < 20; i++) await send(path, {});
    await server.idle();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 200; i++) await send(path, {});
    await server.idle();
    // Each run allocates 10 MB inside its sandbox: kept, 200 of them would be 2 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    const failed = await call<{ items: unknown[] }>(server.url, 'GET', `/api/executions?flowId=${id}&status=error`);
    expect(failed.body.items).toEqual([]);
    await expectStillServing();
  });
});
