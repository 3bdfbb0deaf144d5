// `hookflow backup` on a live server: the built server runs as a child process with an active flow
// and webhooks keep arriving while the built CLI copies the store. Restored into a fresh DATA_DIR
// (the copy and its encryption key, as docs/operations.md says), a new server has every event that
// was acknowledged before the backup began, and the flow is still active. SQLite only: on
// PostgreSQL the command points at pg_dump, which is checked here too.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/hookflow.js');

/** The built CLI as a user runs it; answers its exit code and output. */
async function hookflow(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.skipIf(process.env.DATABASE_URL !== undefined)('hookflow backup of a running SQLite store', () => {
  const dirs: string[] = [];
  const servers: ChildServer[] = [];
  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `hookflow-${name}-`));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill('SIGKILL')));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('copies the store while webhooks arrive, and a server restored from it has every event acknowledged before', { timeout: 90_000 }, async () => {
    const dataDir = tempDir('live');
    const server = await startChildServer({ DATA_DIR: dataDir });
    servers.push(server);
    const flow = await call<{ id: string }>(server.url, 'POST', '/api/flows', {
      name: 'backed up',
      nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }],
      edges: [],
    });
    const activated = await call<{ triggers: Array<{ url: string }> }>(server.url, 'POST', `/api/flows/${flow.body.id}/activate`);
    const path = new URL(activated.body.triggers[0].url).pathname;

    // Four senders, each waiting for its answer, until told to stop.
    const acknowledged: Array<{ id: string; at: number }> = [];
    let sending = true;
    const padding = 'p'.repeat(4_000);
    const sender = async (n: number) => {
      for (let i = 0; sending; i += 1) {
        const answer = await call<{ eventId: string }>(server.url, 'POST', path, { sender: n, i, padding });
        expect(answer.status).toBe(202);
        acknowledged.push({ id: answer.body.eventId, at: Date.now() });
      }
    };
    const senders = [1, 2, 3, 4].map(sender);
    while (acknowledged.length < 1_500) await new Promise((ok) => setTimeout(ok, 20));

    const file = join(tempDir('backup'), 'hookflow-backup.db');
    // Every event acknowledged so far, taken before the backup starts (an answer in the same
    // millisecond as its start was once counted as "during" by comparing times).
    const before = acknowledged.map((event) => event.id);
    const began = Date.now();
    const backup = await hookflow(['backup', file], { DATA_DIR: dataDir });
    const acknowledgedDuring = acknowledged.filter((event) => event.at >= began).length;
    sending = false;
    await Promise.all(senders);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${file}`);
    expect(backup.stdout).toContain(`${file}.encryption.key`);
    // The copy really overlapped the load.
    expect(acknowledgedDuring).toBeGreaterThan(0);
    await server.kill('SIGTERM');

    // A second backup to the same file is refused without --force.
    const again = await hookflow(['backup', file], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await hookflow(['backup', file, '--force'], { DATA_DIR: dataDir })).code).toBe(0);

    // Restore: the copy and its key into an empty DATA_DIR.
    const restoredDir = tempDir('restored');
    copyFileSync(file, join(restoredDir, 'hookflow.db'));
    copyFileSync(`${file}.encryption.key`, join(restoredDir, 'encryption.key'));
    expect(readFileSync(join(restoredDir, 'encryption.key'), 'utf8')).toBe(readFileSync(join(dataDir, 'encryption.key'), 'utf8'));
    const restored = await startChildServer({ DATA_DIR: restoredDir });
    servers.push(restored);

    const stored = new Set<string>();
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await call(
        restored.url,
        'GET',
        `/api/events?flowId=${flow.body.id}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const item of page.body.items) stored.add(item.id);
      cursor = page.body.nextCursor;
    }
    expect(before.length).toBeGreaterThanOrEqual(1_500);
    expect(before.filter((id) => !stored.has(id))).toEqual([]);
    const restoredFlow = await call<{ active: boolean }>(restored.url, 'GET', `/api/flows/${flow.body.id}`);
    expect(restoredFlow.body.active).toBe(true);
    expect((await call(restored.url, 'POST', path, { after: 'restore' })).status).toBe(202);
  });

  it('says so and fails when there is no store at DATA_DIR, or when the store is PostgreSQL', async () => {
    const empty = tempDir('empty');
    const missing = await hookflow(['backup', join(empty, 'copy.db')], { DATA_DIR: empty });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no Hookflow store at ${join(empty, 'hookflow.db')}`);
    expect(existsSync(join(empty, 'hookflow.db'))).toBe(false);
    const postgres = await hookflow(['backup', join(empty, 'copy.db')], { DATA_DIR: empty, DATABASE_URL: 'postgres://hookflow@db.example/hookflow' });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toContain('pg_dump');
  });
});
