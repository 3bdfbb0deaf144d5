// What one audit entry says: who (actor), did what (action), to what (target), from where (ip),
// and a few plain facts (details). Actions are a closed list, so the editor can word every one.
export const AUDIT_ACTIONS = [
  'flow.created',
  'flow.imported',
  'flow.saved',
  'flow.activated',
  'flow.deactivated',
  'flow.deleted',
  'credential.created',
  'credential.updated',
  'credential.deleted',
  'user.created',
  'user.removed',
  'user.role_changed',
  'api_key.created',
  'api_key.revoked',
  'auth.signed_in',
  'auth.sign_in_failed',
  'event.replayed',
  'execution.retried',
  'execution.cancelled',
  'execution.replayed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_KINDS = ['user', 'api_key', 'anonymous', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export type AuditTargetType = 'flow' | 'credential' | 'user' | 'api_key' | 'event' | 'execution';

/**
 * A snapshot taken when the entry is written, so the log still reads right after a rename or a
 * removal: a user's id and email, an API key's id and name, or nobody (a stranger, the server).
 */
export interface AuditActor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
}

/** What was acted on, with its name at the time (for events and executions: their flow's name). */
export interface AuditTarget {
  type: AuditTargetType;
  id: string | null;
  name: string | null;
}

/**
 * Plain facts only (a version number, a role, which fields changed), never values a person typed
 * into a secret field: scalars and lists of names, so a request body cannot be dropped in whole.
 */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget | null;
  ip: string | null;
  details: AuditDetails;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: null };
export const ANONYMOUS_ACTOR: AuditActor = { kind: 'anonymous', id: null, name: null };

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && AUDIT_ACTIONS.some((action) => action === value);
}

export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && ACTOR_KINDS.some((kind) => kind === value);
}

export function targetOf(type: AuditTargetType, thing: { id: string; name: string }): AuditTarget {
  return { type, id: thing.id, name: thing.name };
}
