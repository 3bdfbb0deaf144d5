import { describe, expect, it } from 'vitest';
import { paramsJsonSchema } from '@hookflow/flow-model';
import { webhookNode, webhookParams } from './webhook.node';

describe('webhook trigger checks in params', () => {
  it('accepts each kind of caller check', () => {
    for (const auth of [
      { type: 'none' },
      { type: 'header', name: 'X-Token', value: 'abc' },
      { type: 'basic', user: 'u', password: { credentialId: 'cred-1' } },
      { type: 'hmac', preset: 'github', secret: 's' },
      { type: 'hmac', preset: 'custom', secret: 's', header: 'X-Sig', algorithm: 'sha512', encoding: 'base64', signedPayload: 'timestamp.body', timestampHeader: 'X-Ts' },
    ]) {
      expect(webhookParams.safeParse({ auth }).success, JSON.stringify(auth)).toBe(true);
    }
  });

  it('names what is missing for the chosen check', () => {
    const parsed = webhookParams.safeParse({ auth: { type: 'hmac', preset: 'custom' } });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['auth.secret', 'auth.header']));
  });

  it('accepts addresses and CIDR ranges, refuses anything else', () => {
    expect(webhookParams.safeParse({ ipAllowlist: ['192.30.252.0/22', '2001:db8::/32', '10.0.0.1'] }).success).toBe(true);
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/8/1', '::1/129']) {
      expect(webhookParams.safeParse({ ipAllowlist: [bad] }).success, bad).toBe(false);
    }
  });

  it('defaults dedupe to the scheme’s delivery id and 7 days', () => {
    expect(webhookParams.parse({ dedupe: {} }).dedupe).toEqual({ preset: 'auto', retentionSeconds: 604_800 });
    expect(webhookParams.safeParse({ dedupe: { preset: 'custom' } }).success).toBe(false);
  });

  it('applies the dedupe the form shows when the param is absent, and takes "off" to turn it off', () => {
    expect(webhookParams.parse({ method: 'POST' }).dedupe).toEqual({ preset: 'auto', retentionSeconds: 604_800 });
    expect(webhookParams.parse({ dedupe: { preset: 'off' } }).dedupe).toEqual({ preset: 'off', retentionSeconds: 604_800 });
    const schema = paramsJsonSchema(webhookParams);
    expect(JSON.stringify(schema)).toContain('"default":{"preset":"auto","retentionSeconds":604800}');
  });

  it('takes an ordering key template and refuses one that does not compile or is empty', () => {
    expect(webhookParams.parse({ ordering: { key: '{{trigger.body.customer.id}}' } }).ordering).toEqual({ key: '{{trigger.body.customer.id}}' });
    for (const key of ['', '{{trigger.body.customer.id', '{{#if}}']) {
      const parsed = webhookParams.safeParse({ ordering: { key } });
      expect(parsed.success, key).toBe(false);
      expect(parsed.error?.issues[0]?.path.join('.')).toBe('ordering.key');
    }
  });

  it('marks secrets writeOnly for the editor and redacts them in step input', () => {
    const schema = JSON.stringify(paramsJsonSchema(webhookParams));
    expect(schema).toContain('"writeOnly":true');
    expect(webhookNode.secretParams).toEqual(['auth', 'challenge']);
    expect(webhookNode.rawParams).toContain('auth');
  });
});
