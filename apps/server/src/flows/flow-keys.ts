// Flow keys (flows as code): a stable slug in the flow document that names a flow on every
// server. The editor saves documents without a key, so a save that leaves `key` out keeps the
// stored one; only an explicit `null` removes it. The flows table holds the key in a column with a
// unique index, so two flows never share one, even when two processes save at once.
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { FlowDocument } from '@hookflow/flow-model';
import { ConflictError } from '../common/domain-errors';
import { FlowEntity } from './flow.entities';

/** `incoming` with the stored key added when it says nothing about its key. */
export function withStoredKey(incoming: unknown, storedKey: string | null): unknown {
  if (storedKey === null || typeof incoming !== 'object' || incoming === null || Array.isArray(incoming) || 'key' in incoming) return incoming;
  return { ...incoming, key: storedKey };
}

/** The document as stored: a key only when it has one (`null` means "no key"). */
export function withoutNullKey(document: FlowDocument): FlowDocument {
  if (document.key !== null) return document;
  const { key: _removed, ...rest } = document;
  return rest;
}

/** Refuses a key another flow already has (inside the saving transaction). */
export async function assertKeyFree(manager: EntityManager, { key, flowId }: { key: string | null; flowId: string }): Promise<void> {
  if (key === null) return;
  const holder = await manager.findOne(FlowEntity, { select: { id: true, name: true }, where: { key } });
  if (holder && holder.id !== flowId) throw keyTaken(key, holder);
}

/** Two saves of one key at once (two processes on PostgreSQL): the unique index decides. */
export function asKeyConflict(err: unknown, key: string | null): unknown {
  if (key !== null && err instanceof QueryFailedError && /IDX_flows_key|flows\.key/.test(err.message)) return keyTaken(key);
  return err;
}

function keyTaken(key: string, holder?: { id: string; name: string }): ConflictError {
  const who = holder ? `the flow "${holder.name}" (${holder.id})` : 'another flow';
  return new ConflictError(`The key "${key}" is already used by ${who}; flow keys are unique.`);
}
