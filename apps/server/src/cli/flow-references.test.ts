import { describe, expect, it } from 'vitest';
import { parseFlowDocument } from '@hookflow/flow-model';
import { readReferencesByName, writeReferencesByName } from './flow-references';

const document = parseFlowDocument({
  name: 'Orders',
  settings: { onErrorFlowId: 'flow-id-2' },
  nodes: [
    { id: 'hook', type: 'webhook', params: { auth: { type: 'hmac', secret: { credentialId: 'cred-1', field: 'secret' } } } },
    { id: 'call', type: 'http', params: { auth: { type: 'bearer', credentialId: 'cred-2' }, headers: { credentialId: '{{trigger.body.x}}' } } },
  ],
});

describe('references by name', () => {
  if (!document.ok) throw new Error('bad test flow');
  const ids = { credential: new Map([['cred-1', 'Shop secret'], ['cred-2', 'Warehouse token']]), flow: new Map([['flow-id-2', 'alerts']]) };

  it('writes credentials by name and the on-error flow by key, and warns about ids that name nothing', () => {
    const written = writeReferencesByName(document.value, { credential: (id) => ids.credential.get(id), flow: (id) => ids.flow.get(id) });
    expect(written.document.settings).toEqual({ onErrorFlowId: { key: 'alerts' } });
    expect(written.document.nodes[0].params).toEqual({ auth: { type: 'hmac', secret: { credentialId: { name: 'Shop secret' }, field: 'secret' } } });
    expect(written.document.nodes[1].params.auth).toEqual({ type: 'bearer', credentialId: { name: 'Warehouse token' } });
    expect(written.warnings).toEqual([{ nodeId: 'call', path: 'params.headers.credentialId', message: '"{{trigger.body.x}}" is no credential on the server; written as it is' }]);
  });

  it('reads them back to the ids of another server, and names each one it lacks', () => {
    const written = writeReferencesByName(document.value, { credential: (id) => ids.credential.get(id), flow: (id) => ids.flow.get(id) });
    const there = new Map([['Shop secret', 'other-1']]);
    const read = readReferencesByName(written.document, { credential: (name) => there.get(name), flow: (key) => (key === 'alerts' ? 'other-flow' : undefined) });
    expect(read.document).toMatchObject({ settings: { onErrorFlowId: 'other-flow' }, nodes: [{ params: { auth: { secret: { credentialId: 'other-1', field: 'secret' } } } }, {}] });
    expect(read.errors).toEqual([
      { nodeId: 'call', path: 'params.auth.credentialId', message: 'no credential named "Warehouse token" on the server; create it there first (hookflow never copies credential data)' },
    ]);
  });
});
