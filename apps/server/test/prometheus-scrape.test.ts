// The monitoring profile's Prometheus config and Grafana dashboard, against a real Prometheus
// (Debian's) scraping a real server: the shipped prometheus.yml passes promtool, its Bearer token
// gets through METRICS_TOKEN, and every metric the dashboard's queries name is one the server
// exports, each query valid PromQL. No Docker engine runs here, so the images themselves are not
// started; this is what they would run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { order, orderFlowTo } from './support/flows';
import { sparePort } from './support/redis-server';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

const PROMETHEUS = '/usr/bin/prometheus';
const DOCKER_DIR = resolve(import.meta.dirname, '../../../docker');
const TOKEN = 'scrape-token-for-the-test';

type Panel = { title?: string; targets?: Array<{ expr?: string }>; panels?: Panel[] };

/** Every PromQL expression of the dashboard, with Grafana's variables as Grafana would fill them. */
function dashboardQueries(): Array<{ panel: string; expr: string }> {
  const dashboard = JSON.parse(readFileSync(join(DOCKER_DIR, 'grafana/hookflow.json'), 'utf8')) as { panels: Panel[] };
  const all = (panels: Panel[]): Panel[] => panels.flatMap((panel) => [panel, ...all(panel.panels ?? [])]);
  return all(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) => (target.expr ? [{ panel: panel.title ?? '?', expr: target.expr.replaceAll('$instance', '.*').replaceAll('$__rate_interval', '1m') }] : [])),
  );
}

describe.runIf(existsSync(PROMETHEUS))('the monitoring profile against a real Prometheus', () => {
  let server: TestServer | undefined;
  let sink: Sink | undefined;
  let prometheus: ChildProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hookflow-prometheus-'));

  afterAll(async () => {
    prometheus?.kill('SIGKILL');
    await server?.close();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes the server with the token, and every metric the dashboard reads exists', { timeout: 60_000 }, async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
    sink = await startSink();
    const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    const activated = await call<{ triggers: Array<{ url: string }> }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    const url = activated.body.triggers[0].url;
    for (const total of [250, 40, 300]) expect((await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order(total)) })).status).toBe(202);
    // A refused request, so the rejections panel has a series.
    expect((await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })).status).toBe(400);
    await server.idle();

    // The shipped config, pointed at this server and a token file here instead of compose's.
    writeFileSync(join(dir, 'token'), TOKEN);
    const port = new URL(server.url).port;
    const config = readFileSync(join(DOCKER_DIR, 'prometheus/prometheus.yml'), 'utf8')
      .replace('credentials_file: /prometheus/.metrics-token', `credentials_file: ${join(dir, 'token')}`)
      .replace('targets: ["hookflow:3000"]', `targets: ["127.0.0.1:${port}"]`)
      .replace('scrape_interval: 15s', 'scrape_interval: 1s');
    expect(config).toContain(`127.0.0.1:${port}`);
    writeFileSync(join(dir, 'prometheus.yml'), config);
    const check = spawnSync('promtool', ['check', 'config', join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const promPort = await sparePort();
    prometheus = spawn(PROMETHEUS, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
    const api = async <T>(path: string): Promise<T> => (await (await fetch(`http://127.0.0.1:${promPort}${path}`)).json()) as T;
    type Targets = { data: { activeTargets: Array<{ health: string; lastError: string }> } };
    await expect.poll(async () => (await api<Targets>('/api/v1/targets').catch(() => undefined))?.data.activeTargets[0]?.health, { timeout: 20_000, interval: 250 }).toBe('up');

    const names = new Set((await api<{ data: string[] }>('/api/v1/label/__name__/values')).data);
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(10);
    const used = new Set(queries.flatMap(({ expr }) => expr.match(/\b(?:hookflow|process|nodejs)_[a-z0-9_]+/g) ?? []));
    expect([...used].filter((name) => !names.has(name))).toEqual([]);
    for (const { panel, expr } of queries) {
      const answer = await api<{ status: string; error?: string }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      expect(answer.status, `${panel}: ${answer.error ?? ''}`).toBe('success');
    }
  });
});
