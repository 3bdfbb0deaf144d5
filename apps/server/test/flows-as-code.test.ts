// Flows as code over real HTTP: `hookflow flows export` from one server, `apply` to a fresh one,
// and the flows there are the same and run the same; applying again changes nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { cliEnv, runHookflow } from './support/cli';
import { order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Summary = { id: string; key: string | null; name: string; active: boolean; version: number };
type Flow = Summary & { settings?: { onErrorFlowId?: string }; nodes: Array<{ id: string; params: Record<string, unknown> }>; triggers: Array<{ url: string }> };

const ORDERS = 'big-orders-to-the-warehouse';

function alertsFlow(sinkUrl: string) {
  return {
    name: 'Alerts',
    nodes: [
      { id: 'hook', type: 'webhook', params: { method: 'POST', path: 'alerts' } },
      { id: 'notify', type: 'http', params: { url: `${sinkUrl}/alerts`, body: { text: '{{trigger.body.error.message}}' }, retry: { attempts: 1, backoffMs: 10 } } },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'notify', sourceHandle: null }],
  };
}

function ordersFlow({ sinkUrl, credentialId, errorFlowId }: { sinkUrl: string; credentialId: string; errorFlowId: string }) {
  const flow = orderFlowTo(`${sinkUrl}/orders`);
  const http = flow.nodes.find((node) => node.type === 'http')!;
  http.params = { ...http.params, auth: { type: 'bearer', credentialId }, retry: { attempts: 1, backoffMs: 10 } };
  return { ...flow, settings: { onErrorFlowId: errorFlowId } };
}

const draftFlow = {
  name: 'Draft digest',
  description: 'Not ready yet',
  nodes: [
    { id: 'hook', type: 'webhook', params: { method: 'POST', path: 'digest' } },
    { id: 'shape', type: 'transform', params: { fields: { count: '{{trigger.body.count}}' } } },
  ],
  edges: [{ id: 'e1', source: 'hook', target: 'shape', sourceHandle: null }],
};

async function addCredential(server: TestServer, token: string): Promise<string> {
  const created = await call<{ id: string }>(server.url, 'POST', '/api/credentials', { name: 'Warehouse token', type: 'httpBearer', data: { token } });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function makeFlow(server: TestServer, document: unknown, activate: boolean): Promise<string> {
  const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', document);
  expect(created.status).toBe(201);
  if (activate) expect((await call(server.url, 'POST', `/api/flows/${created.body.id}/activate`)).status).toBe(200);
  return created.body.id;
}

async function flowsOf(server: TestServer): Promise<Summary[]> {
  const list = await call<Summary[]>(server.url, 'GET', '/api/flows');
  return [...list.body].sort((x, y) => (x.key ?? '').localeCompare(y.key ?? ''));
}

/** What an apply may change: which flows there are, their versions and whether they run. */
async function stateOf(server: TestServer): Promise<Array<Pick<Summary, 'id' | 'key' | 'active' | 'version'>>> {
  return (await flowsOf(server)).map(({ id, key, active, version }) => ({ id, key, active, version }));
}

async function flowByKey(server: TestServer, key: string): Promise<Flow> {
  const summary = (await flowsOf(server)).find((flow) => flow.key === key);
  if (!summary) throw new Error(`no flow ${key}`);
  return (await call<Flow>(server.url, 'GET', `/api/flows/${summary.id}`)).body;
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('hookflow flows export / apply', () => {
  let a: TestServer;
  let b: TestServer;
  let sink: Sink;
  let root: string;
  let exported: string;
  let credentialOnB: string;

  beforeAll(async () => {
    [a, b, sink] = await Promise.all([startTestServer(), startTestServer(), startSink()]);
    root = mkdtempSync(join(tmpdir(), 'hookflow-flows-'));
    exported = join(root, 'from-a');
    const credentialOnA = await addCredential(a, 'token-on-a');
    credentialOnB = await addCredential(b, 'token-on-b');
    const alerts = await makeFlow(a, alertsFlow(sink.url), true);
    await makeFlow(a, ordersFlow({ sinkUrl: sink.url, credentialId: credentialOnA, errorFlowId: alerts }), true);
    await makeFlow(a, draftFlow, false);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), sink?.close()]);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('exports one readable file per flow, named by key, with credentials by name and nothing server-made', async () => {
    const run = await runHookflow(['flows', 'export', exported], cliEnv(a));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exported 3 flows');
    expect(readdirSync(exported).sort()).toEqual(['alerts.json', `${ORDERS}.json`, 'draft-digest.json']);
    // The keys made from the names are stored on server A, so the next apply updates rather than copies.
    expect((await flowsOf(a)).map((flow) => [flow.key, flow.active])).toEqual([
      ['alerts', true],
      [ORDERS, true],
      ['draft-digest', false],
    ]);
    const text = readFileSync(join(exported, `${ORDERS}.json`), 'utf8');
    const orders = JSON.parse(text);
    expect(Object.keys(orders)).toEqual(['key', 'name', 'description', 'active', 'settings', 'nodes', 'edges']);
    expect(orders).toMatchObject({ key: ORDERS, name: 'Big orders to the warehouse', active: true, settings: { onErrorFlowId: { key: 'alerts' } } });
    expect(orders.nodes.find((node: { id: string }) => node.id === 'warehouse').params.auth).toEqual({ type: 'bearer', credentialId: { name: 'Warehouse token' } });
    expect(text).toMatch(/^\{\n {2}"key"/);
    for (const content of Object.values(filesOf(exported))) {
      expect(content).not.toMatch(/token-on-a|createdAt|updatedAt|versionId|"version"|[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('exports the same bytes again, and applying the files to the same server changes nothing', async () => {
    const again = join(root, 'again');
    expect((await runHookflow(['flows', 'export', again], cliEnv(a))).code).toBe(0);
    expect(filesOf(again)).toEqual(filesOf(exported));
    const before = await stateOf(a);
    const run = await runHookflow(['flows', 'apply', exported], cliEnv(a));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No changes');
    expect(await stateOf(a)).toEqual(before);
  });

  it('with --dry-run prints what it would create on a fresh server and creates nothing', async () => {
    const run = await runHookflow(['flows', 'apply', exported, '--dry-run'], cliEnv(b));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ create alerts (active)');
    expect(run.stdout).toContain(`+ create ${ORDERS} (active)`);
    expect(run.stdout).toContain('+ create draft-digest (inactive)');
    expect(run.stdout).toContain('Dry run: nothing was changed.');
    expect(await flowsOf(b)).toEqual([]);
  });

  it('applies to a fresh server: the same flows, mapped to its credential and flow ids, and they run the same', async () => {
    const run = await runHookflow(['flows', 'apply', exported], cliEnv(b));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Applied to');
    expect((await flowsOf(b)).map((flow) => [flow.key, flow.active])).toEqual([
      ['alerts', true],
      [ORDERS, true],
      ['draft-digest', false],
    ]);
    const ordersOnB = await flowByKey(b, ORDERS);
    expect(ordersOnB.settings?.onErrorFlowId).toBe((await flowByKey(b, 'alerts')).id);
    expect(ordersOnB.nodes.find((node) => node.id === 'warehouse')?.params.auth).toEqual({ type: 'bearer', credentialId: credentialOnB });

    const fromB = join(root, 'from-b');
    expect((await runHookflow(['flows', 'export', fromB], cliEnv(b))).code).toBe(0);
    expect(filesOf(fromB)).toEqual(filesOf(exported));

    const ordersOnA = await flowByKey(a, ORDERS);
    for (const [server, flow] of [[a, ordersOnA], [b, ordersOnB]] as const) {
      const answer = await call(server.url, 'POST', new URL(flow.triggers[0].url).pathname, order(250, 'X-1'));
      expect(answer.status).toBe(202);
    }
    const received = await sink.waitFor(2);
    const orders = received.filter((request) => request.url === '/orders');
    expect(orders.map((request) => request.headers.authorization).sort()).toEqual(['Bearer token-on-a', 'Bearer token-on-b']);
    expect(orders[0].json()).toEqual(orders[1].json());
    expect(orders[0].json()).toEqual({ order: 'X-1', total: 250, email: 'ada@example.com', items: [{ sku: 'A1', qty: 2 }] });
    await Promise.all([a.idle(), b.idle()]);
  });

  it('a second apply prints no changes and changes nothing', async () => {
    const before = await stateOf(b);
    const run = await runHookflow(['flows', 'apply', exported], cliEnv(b));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`= 3 unchanged\nNo changes: the server at ${b.url} matches ${exported}.\n`);
    expect(await stateOf(b)).toEqual(before);
  });

  it('refuses to apply when the server lacks a credential, naming the file, node and credential', async () => {
    const changed = join(root, 'missing-credential');
    cpSync(exported, changed, { recursive: true });
    const path = join(changed, `${ORDERS}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"name": "Warehouse token"', '"name": "Warehouse key"').replace('"Big orders', '"Bigger orders'));
    const before = await stateOf(b);
    const run = await runHookflow(['flows', 'apply', changed], cliEnv(b));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${ORDERS}.json: node warehouse param auth.credentialId: no credential named "Warehouse key" on the server`);
    expect(run.stderr).toContain('nothing was applied');
    expect(await stateOf(b)).toEqual(before);
  });

  it('prints and applies an edit and a deactivation, and deletes a keyed flow without a file only with --prune', async () => {
    const edited = join(root, 'edited');
    cpSync(exported, edited, { recursive: true });
    const ordersPath = join(edited, `${ORDERS}.json`);
    writeFileSync(ordersPath, readFileSync(ordersPath, 'utf8').replace('{{trigger.body.order.total}}', '{{trigger.body.order.amount}}'));
    const alertsPath = join(edited, 'alerts.json');
    writeFileSync(alertsPath, readFileSync(alertsPath, 'utf8').replace('"active": true', '"active": false'));
    unlinkSync(join(edited, 'draft-digest.json'));

    const run = await runHookflow(['flows', 'apply', edited], cliEnv(b));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`~ update ${ORDERS}: nodes.shape.params.fields.total changed`);
    expect(run.stdout).toContain('~ deactivate alerts');
    expect(run.stdout).toContain('? draft-digest ("Draft digest") is on the server but not in');
    expect((await flowByKey(b, ORDERS)).nodes.find((node) => node.id === 'shape')?.params.fields).toMatchObject({ total: '{{trigger.body.order.amount}}' });
    expect((await flowByKey(b, 'alerts')).active).toBe(false);

    // A flow made in the editor has no key: apply never touches it, not even with --prune.
    await makeFlow(b, { ...draftFlow, name: 'Hand made' }, false);
    const dry = await runHookflow(['flows', 'apply', edited, '--prune', '--dry-run'], cliEnv(b));
    expect(dry.stdout).toBe(`- delete draft-digest ("Draft digest")\n= 2 unchanged\nDry run: nothing was changed.\n`);
    expect(await flowsOf(b)).toHaveLength(4);
    const pruned = await runHookflow(['flows', 'apply', edited, '--prune'], cliEnv(b));
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('1 deleted');
    expect((await flowsOf(b)).map((flow) => [flow.key, flow.name])).toEqual([
      [null, 'Hand made'],
      ['alerts', 'Alerts'],
      [ORDERS, 'Big orders to the warehouse'],
    ]);
  });

  it('runs as the npm bin of the built server', () => {
    const bin = resolve(import.meta.dirname, '../bin/hookflow.js');
    const run = spawnSync(process.execPath, [bin, 'flows', 'validate', exported], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.stderr).toBe('');
    expect([run.status, run.stdout]).toEqual([0, `3 flow files in ${exported} valid.\n`]);
  });

  it('says clearly when the server address or API key is missing or wrong', async () => {
    const noUrl = await runHookflow(['flows', 'apply', exported], { HOOKFLOW_API_KEY: b.apiKey });
    expect(noUrl).toMatchObject({ code: 1, stderr: expect.stringContaining('HOOKFLOW_URL is not set') });
    const noKey = await runHookflow(['flows', 'export', join(root, 'never')], { HOOKFLOW_URL: b.url });
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringContaining('HOOKFLOW_API_KEY is not set') });
    const wrongKey = await runHookflow(['flows', 'apply', exported], { HOOKFLOW_URL: b.url, HOOKFLOW_API_KEY: 'hf_not-a-real-key' });
    expect(wrongKey).toMatchObject({ code: 1, stderr: `hookflow: the server at ${b.url} refused the API key (401): check HOOKFLOW_API_KEY\n` });
  });
});
