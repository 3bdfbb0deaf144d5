// The compose files are valid for Docker Compose (checked with Debian's docker-compose, which CI
// installs; there is no Docker engine here) and run what the README says: one container on SQLite,
// or PostgreSQL + Redis + a main + scalable workers, each with health checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dockerDir = resolve(import.meta.dirname, '../../../docker');
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

function config(file: string): string {
  return execFileSync('docker-compose', ['-f', file, 'config'], { cwd: dockerDir, encoding: 'utf8' });
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
});
