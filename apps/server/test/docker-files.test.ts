// The compose files are valid for Docker Compose (checked with Debian's docker-compose, which CI
// installs; there is no Docker engine here) and run what the README says: one container on SQLite,
// or PostgreSQL + Redis + a main + scalable workers, each with health checks; the monitoring
// profile's Prometheus and Grafana, whose dashboard queries only metrics a live server exports.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricFamilies, scrape } from './support/metrics-text';
import { startTestServer } from './support/test-server';

const dockerDir = resolve(import.meta.dirname, '../../../docker');
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

function config(file: string, ...options: string[]): string {
  return execFileSync('docker-compose', ['-f', file, ...options, 'config'], { cwd: dockerDir, encoding: 'utf8' });
}

describe.runIf(hasCompose)('compose files', () => {
  const envFile = resolve(dockerDir, '.env');
  let created = false;

  beforeAll(() => {
    // The files read docker/.env, made from the example as the README says.
    try {
      copyFileSync(resolve(dockerDir, '.env.example'), envFile, 1);
      created = true;
    } catch {
      created = false;
    }
  });

  afterAll(() => {
    if (created) rmSync(envFile, { force: true });
  });

  it('compose.yml runs one container with its data volume; the image checks its health', () => {
    const text = config('compose.yml');
    expect(text).toMatch(/hookflow-data:\/data/);
    expect(text).toMatch(/published: 3000|3000:3000/);
    expect(readFileSync(resolve(dockerDir, 'Dockerfile'), 'utf8')).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it('compose.scale.yml runs PostgreSQL, Redis, a main and scalable workers, each with a health check', () => {
    const text = config('compose.scale.yml');
    for (const service of ['postgres:', 'redis:', 'main:', 'worker:']) expect(text).toContain(`  ${service}`);
    expect(text).toMatch(/ROLE: main/);
    expect(text).toMatch(/ROLE: worker/);
    expect(text.match(/healthcheck:/g)?.length).toBe(4);
    expect(text).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(text).toMatch(/DATABASE_URL: postgres:\/\/hookflow:/);
    expect(text).toMatch(/postgres-data:\/var\/lib\/postgresql\/data/);
    // Workers publish no port, so --scale worker=N cannot clash.
    const worker = text.slice(text.indexOf('  worker:'));
    expect(worker).not.toMatch(/ports:/);
  });

  it('compose.yml --profile monitoring runs Prometheus scraping Hookflow and Grafana with the dashboard', () => {
    const text = config('compose.yml', '--profile', 'monitoring');
    const prometheus = serviceBlock(text, 'prometheus');
    const grafana = serviceBlock(text, 'grafana');
    expect(prometheus).toMatch(/- monitoring/);
    expect(grafana).toMatch(/- monitoring/);
    expect(prometheus).toMatch(/prometheus\/prometheus\.yml:\/etc\/prometheus\/prometheus\.yml:ro/);
    expect(grafana).toMatch(/grafana\/provisioning:\/etc\/grafana\/provisioning:ro/);
    expect(grafana).toMatch(/grafana\/hookflow\.json:\/etc\/grafana\/dashboards\/hookflow\.json:ro/);
    // The token file the entrypoint writes is the one prometheus.yml sends, to the hookflow service's port.
    const scrapeConfig = readFileSync(resolve(dockerDir, 'prometheus/prometheus.yml'), 'utf8');
    const tokenFile = /credentials_file: (\S+)/.exec(scrapeConfig)?.[1];
    expect(tokenFile).toBeDefined();
    expect(prometheus).toContain(`> ${tokenFile}`);
    expect(scrapeConfig).toMatch(/metrics_path: \/metrics/);
    expect(scrapeConfig).toMatch(/targets: \["hookflow:3000"\]/);
    // Grafana reaches the prometheus service and loads dashboards from where compose mounts them.
    expect(readFileSync(resolve(dockerDir, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8')).toMatch(/url: http:\/\/prometheus:9090/);
    expect(readFileSync(resolve(dockerDir, 'grafana/provisioning/dashboards/hookflow.yml'), 'utf8')).toMatch(/path: \/etc\/grafana\/dashboards/);
    // Without the profile, `up` starts neither (docker-compose v1 still lists them in `config`).
    expect(readFileSync(resolve(dockerDir, 'compose.yml'), 'utf8')).toMatch(/prometheus:\n\s+image: \S+\n\s+profiles: \["monitoring"\]/);
  });
});

describe('Grafana dashboard', () => {
  const dashboard: unknown = JSON.parse(readFileSync(resolve(dockerDir, 'grafana/hookflow.json'), 'utf8'));
  let exported: Set<string>;

  beforeAll(async () => {
    const server = await startTestServer();
    try {
      exported = metricFamilies((await scrape(server.url)).text);
    } finally {
      await server.close();
    }
  });

  it('is a dashboard whose panels all query the Prometheus data source', () => {
    expect(dashboard).toMatchObject({ uid: 'hookflow', title: 'Hookflow', schemaVersion: expect.any(Number) });
    const panels = panelsOf(dashboard);
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length);
    const queried = panels.filter((panel) => panel.type !== 'row');
    expect(queried.length).toBeGreaterThanOrEqual(12);
    for (const panel of queried) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.exprs.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('queries only metrics the server exports', () => {
    const names = panelsOf(dashboard).flatMap((panel) => panel.exprs.flatMap((expr) => [...expr.matchAll(/\b(?:hookflow|process|nodejs)_[a-z0-9_]+/g)].map((match) => match[0])));
    expect(names.length).toBeGreaterThan(0);
    const families = new Set(names.map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    for (const family of families) expect(exported, family).toContain(family);
    // What the issue asks the dashboard to show.
    for (const wanted of ['hookflow_trigger_requests_total', 'hookflow_trigger_request_duration_seconds', 'hookflow_executions_total', 'hookflow_execution_duration_seconds', 'hookflow_node_step_duration_seconds', 'hookflow_outbound_requests_total', 'hookflow_dispatch_backlog', 'hookflow_executions_running', 'process_cpu_seconds_total', 'process_resident_memory_bytes']) {
      expect(families, wanted).toContain(wanted);
    }
  });
});

/** One service's lines in `docker-compose config` output. */
function serviceBlock(text: string, name: string): string {
  const start = text.indexOf(`\n  ${name}:\n`);
  if (start < 0) throw new Error(`no service ${name}`);
  const next = text.slice(start + 1).search(/\n {2}[a-z][\w-]*:\n|\n[a-z]/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

interface PanelQueries {
  id: unknown;
  type: unknown;
  title: string;
  datasource: unknown;
  exprs: string[];
}

function panelsOf(dashboard: unknown): PanelQueries[] {
  if (typeof dashboard !== 'object' || dashboard === null || !('panels' in dashboard) || !Array.isArray(dashboard.panels)) throw new Error('no panels');
  return dashboard.panels.map((panel: Record<string, unknown>) => ({
    id: panel.id,
    type: panel.type,
    title: String(panel.title),
    datasource: panel.datasource,
    exprs: Array.isArray(panel.targets) ? panel.targets.map((target: { expr?: unknown }) => String(target.expr)) : [],
  }));
}
