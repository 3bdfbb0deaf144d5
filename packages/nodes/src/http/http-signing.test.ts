// Outbound signing checked with the receivers' own libraries: what Hookflow signs, a Standard
// Webhooks or GitHub consumer accepts, and a tampered body it refuses.
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, runNodeInFlow, type CredentialStore } from '@hookflow/engine';
import { startLocalServer, type LocalServer } from '../test-support/local-server';
import { httpNode, httpParams } from './http.node';

const WHSEC = `whsec_${Buffer.from('a shared secret of 32 bytes!!!!!').toString('base64')}`;

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sendSigned(signing: Record<string, unknown>, credentials?: CredentialStore) {
  server = await startLocalServer(() => ({ status: 200, body: { ok: true } }));
  const params = { url: `${server.url}/hook`, body: { 'order.id': '{{trigger.body.id}}', note: 'ünïcode' }, signing };
  const { step } = await runNodeInFlow({ nodeType: httpNode, params, trigger: { body: { id: 'A-1' }, eventId: 'evt-1' }, services: { http: createHttpClient(), credentials } });
  const [received] = server.requests;
  if (!received) throw new Error('nothing received');
  return { step, received };
}

describe('http node signing', () => {
  it('adds Standard Webhooks headers that the standardwebhooks library verifies', async () => {
    const { step, received } = await sendSigned({ type: 'standard-webhooks', secret: WHSEC });
    expect(step.status).toBe('success');
    expect(received.headers['webhook-id']).toBe('msg_evt-1_node');
    expect(received.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const webhook = new Webhook(WHSEC);
    expect(webhook.verify(received.body, received.headers)).toEqual({ order: { id: 'A-1' }, note: 'ünïcode' });
    expect(() => webhook.verify(`${received.body} `, received.headers)).toThrow();
  });

  it('adds an X-Hub-Signature-256 that @octokit/webhooks-methods verifies', async () => {
    const { received } = await sendSigned({ type: 'github', secret: 'gh-secret-1234' });
    const signature = received.headers['x-hub-signature-256'] ?? '';
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verifyGithub('gh-secret-1234', received.body, signature)).toBe(true);
    expect(await verifyGithub('another-secret', received.body, signature)).toBe(false);
  });

  it('reads the secret from a stored credential and keeps it out of the step input', async () => {
    const stored: Record<string, Record<string, string>> = { 'cred-1': { secret: 'stored-secret-99' } };
    const credentials: CredentialStore = { get: async (id) => stored[id] ?? {} };
    const { step, received } = await sendSigned({ type: 'github', secret: { credentialId: 'cred-1' } }, credentials);
    expect(await verifyGithub('stored-secret-99', received.body, received.headers['x-hub-signature-256'] ?? '')).toBe(true);
    expect(JSON.stringify(step.input)).not.toContain('cred-1');
    expect(step.input).toMatchObject({ signing: '[redacted]' });
  });

  it('never shows an inline secret in the step input', async () => {
    const { step } = await sendSigned({ type: 'standard-webhooks', secret: WHSEC });
    expect(JSON.stringify(step)).not.toContain(WHSEC);
  });

  it('asks for a secret when a signature type is chosen, and for base64 in a whsec_ secret', async () => {
    server = await startLocalServer(() => ({ status: 200 }));
    const missing = httpParams.safeParse({ url: server.url, signing: { type: 'github' } });
    expect(missing.error?.issues).toMatchObject([{ path: ['signing', 'secret'], message: 'A github signature needs a secret' }]);
    const bad = await runNodeInFlow({ nodeType: httpNode, params: { url: server.url, signing: { type: 'standard-webhooks', secret: 'whsec_not base64!' } }, services: { http: createHttpClient() } });
    expect(bad.step.error).toMatchObject({ kind: 'config', param: 'signing' });
    expect(server.requests).toHaveLength(0);
  });
});
