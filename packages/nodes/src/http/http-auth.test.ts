import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, runNodeInFlow, type CredentialStore } from '@hookflow/engine';
import { startLocalServer, type LocalServer } from '../test-support/local-server';
import { httpNode } from './http.node';

const TOKEN = 'tok-live-0123456789abcdef';
const PASSWORD = 'pa55word-very-secret';
const API_KEY = 'key-3c9f1e2d7a6b5c4d';

const stored: Record<string, Record<string, string>> = {
  bearer: { token: TOKEN },
  basic: { user: 'ada', password: PASSWORD },
  header: { name: 'X-Api-Key', value: API_KEY },
};
const credentials: CredentialStore = {
  get: async (id) => {
    const data = stored[id];
    if (!data) throw new Error(`unknown credential ${id}`);
    return data;
  },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function send(auth: Record<string, unknown>, status = 200) {
  server = await startLocalServer(() => ({ status, body: { ok: status < 400 } }));
  const http = createHttpClient({ sleep: async () => undefined });
  const params = { url: `${server.url}/orders`, body: { id: 1 }, auth, retry: { attempts: 1 } };
  const { step } = await runNodeInFlow({ nodeType: httpNode, params, services: { http, credentials } });
  return { step, received: server.requests };
}

describe('http node auth', () => {
  it('sends Authorization: Bearer from a saved credential and keeps the token out of the step', async () => {
    const { step, received } = await send({ type: 'bearer', credentialId: 'bearer' });
    expect(step.status).toBe('success');
    expect(received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(step.input).toMatchObject({ auth: { type: 'bearer', credentialId: 'bearer' } });
    expect(JSON.stringify(step)).not.toContain(TOKEN);
  });

  it('keeps the credential out of the stored output and error when the API echoes the request', async () => {
    for (const status of [200, 400]) {
      server = await startLocalServer((request) => ({ status, body: { echo: { authorization: request.headers.authorization } } }));
      const http = createHttpClient({ sleep: async () => undefined });
      const params = { url: `${server.url}/orders`, body: { id: 1 }, auth: { type: 'bearer', credentialId: 'bearer' }, retry: { attempts: 1 } };
      const { step } = await runNodeInFlow({ nodeType: httpNode, params, services: { http, credentials } });
      expect(step.status).toBe(status === 200 ? 'success' : 'error');
      expect(JSON.stringify(step)).not.toContain(TOKEN);
      await server.close();
      server = undefined;
    }
  });

  it('sends basic auth from a saved user and password', async () => {
    const { received } = await send({ type: 'basic', credentialId: 'basic' });
    expect(received[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`);
  });

  it('sends a custom header and keeps its value out of a failed step’s request details', async () => {
    const { step, received } = await send({ type: 'header', credentialId: 'header' }, 400);
    expect(received[0]?.headers['x-api-key']).toBe(API_KEY);
    expect(step.status).toBe('error');
    expect(JSON.stringify(step)).not.toContain(API_KEY);
  });

  it('asks for a credential when a type is chosen, and names the missing field of a wrong one', async () => {
    expect(httpNode.params.safeParse({ url: 'https://example.com', auth: { type: 'bearer' } }).success).toBe(false);
    const { step, received } = await send({ type: 'basic', credentialId: 'bearer' });
    expect(step.error).toMatchObject({ kind: 'config', param: 'auth' });
    expect(step.error?.message).toContain('"password"');
    expect(received).toHaveLength(0);
  });
});
