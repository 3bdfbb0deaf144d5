import { describe, expect, it } from 'vitest';
import { noCredentials, resolveServices, silentLogger } from './engine-services';
import { NodeConfigError } from './node-errors';

describe('resolveServices', () => {
  it('fills in safe defaults, shared when the host passes nothing', () => {
    const resolved = resolveServices(undefined);
    expect(resolved).toBe(resolveServices(undefined));
    expect(resolved.logger).toBe(silentLogger);
    expect(resolved.credentials).toBe(noCredentials);
    expect(resolved.settings).toEqual({});
    expect(resolved.now()).toBeInstanceOf(Date);
    expect(typeof resolved.http.request).toBe('function');
  });

  it('keeps what the host passes', () => {
    const now = () => new Date(0);
    const resolved = resolveServices({ now, settings: { A: 'b' } });
    expect(resolved.now).toBe(now);
    expect(resolved.settings).toEqual({ A: 'b' });
    expect(resolved.http).toBe(resolveServices(undefined).http);
  });

  it('has no credentials unless a store is given', async () => {
    await expect(noCredentials.get('slack')).rejects.toBeInstanceOf(NodeConfigError);
  });
});
