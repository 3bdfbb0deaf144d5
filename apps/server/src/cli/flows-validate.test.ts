// `hookflow flows validate` on files in a temp directory: no server, as in a pull-request check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './hookflow';

const example = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../examples/flows/order-to-http.json'), 'utf8'));

function flowFile(key: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { key, ...example, active: true, ...changes };
}

async function validate(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['flows', 'validate', dir], { env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('hookflow flows validate', () => {
  let dir: string;
  const write = (name: string, content: unknown) => writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookflow-validate-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes good files, with references by name, and exits 0', async () => {
    const http = example.nodes.find((node: { id: string }) => node.id === 'warehouse');
    const withCredential = { ...http, params: { ...http.params, auth: { type: 'bearer', credentialId: { name: 'Warehouse token' } } } };
    write('orders.json', flowFile('orders', { nodes: example.nodes.map((node: { id: string }) => (node.id === 'warehouse' ? withCredential : node)), settings: { onErrorFlowId: { key: 'alerts' } } }));
    write('alerts.json', flowFile('alerts', { name: 'Alerts', active: false }));
    const run = await validate(dir);
    expect(run).toEqual({ code: 0, stdout: `2 flow files in ${dir} valid.\n`, stderr: '' });
  });

  it('names the file, node and param of each error and exits non-zero', async () => {
    const nodes = example.nodes.map((node: { id: string; params: Record<string, unknown> }) => (node.id === 'warehouse' ? { ...node, params: { ...node.params, method: 'FETCH' } } : node));
    write('orders.json', flowFile('orders', { nodes }));
    const run = await validate(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^orders\.json: node warehouse param method: .*"FETCH"\n/);
    expect(run.stderr).toContain('hookflow: 1 error in 1 of the files');
  });

  it('catches bad JSON, a file named unlike its key, a repeated key, a missing "active" and an unknown field', async () => {
    write('broken.json', '{ "key": "broken", ');
    write('orders.json', flowFile('orders'));
    write('copy.json', flowFile('orders'));
    write('lazy.json', { ...flowFile('lazy'), active: undefined, activ: true });
    const run = await validate(dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain('copy.json: key: the file is named copy.json but its key is "orders"; name it orders.json');
    expect(lines).toContain('orders.json: key: the key "orders" is also the key of copy.json; keys are unique');
    expect(lines).toContain('lazy.json: activ: unknown field "activ" (a flow file has key, name, description, active, settings, nodes, edges)');
    expect(lines).toContain('lazy.json: active: needs "active": true or false');
    expect(lines.some((line) => line.startsWith('broken.json: not valid JSON'))).toBe(true);
  });

  it('lets an inactive draft fail the full check with warnings only, as the server does', async () => {
    const nodes = example.nodes.map((node: { id: string; params: Record<string, unknown> }) => (node.id === 'big' ? { ...node, params: { match: 'all', conditions: [{ left: '{{oops', op: 'gt', right: '1' }] } } : node));
    write('draft.json', flowFile('draft', { active: false, nodes }));
    const run = await validate(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: draft\.json: node big param conditions\.0\.left: .*template does not compile.*\(the flow is inactive; activating it would fail\)\n$/);
    expect(run.stdout).toContain('1 flow file');
  });

  it('refuses a directory with no flow files', async () => {
    const run = await validate(dir);
    expect(run).toMatchObject({ code: 1, stderr: `hookflow: ${dir} holds no flow files (*.json)\n` });
  });
});
