// Audit entries in plain words for the people who read the log, not the ones who wrote the API:
// "Saved flow “Orders to Slack” (version 3)", "Failed to sign in as ada@example.com (wrong
// password)". An action this editor does not know yet is shown as the server names it.
import type { AuditEntry } from './audit-api';

export function describeActor(actor: AuditEntry['actor']): string {
  switch (actor.kind) {
    case 'user':
      return actor.name ?? 'A removed user';
    case 'api_key':
      return `API key “${actor.name ?? actor.id ?? '?'}”`;
    case 'anonymous':
      return 'Someone not signed in';
    case 'system':
      return 'Hookflow itself';
  }
}

export function describeEntry(entry: AuditEntry): string {
  const sentence = sentenceFor(entry);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function sentenceFor({ action, target, details }: AuditEntry): string {
  const name = quoted(target);
  const version = numberIn(details, 'version');
  const ofVersion = version === undefined ? '' : ` (version ${version})`;
  switch (action) {
    case 'flow.created':
      return `created flow ${name}${sourceWords(textIn(details, 'source'))}`;
    case 'flow.imported':
      return `imported flow ${name} from a file`;
    case 'flow.saved':
      return `saved flow ${name}${ofVersion}`;
    case 'flow.activated':
      return `activated flow ${name}${ofVersion}`;
    case 'flow.deactivated':
      return `deactivated flow ${name}`;
    case 'flow.deleted':
      return `deleted flow ${name}`;
    case 'credential.created':
      return `added credential ${name}`;
    case 'credential.updated':
      return credentialChange(name, details);
    case 'credential.deleted':
      return `deleted credential ${name}`;
    case 'user.created':
      return userAdded(target?.name ?? 'a user', details);
    case 'user.removed':
      return `removed ${textIn(details, 'role') ?? 'user'} ${target?.name ?? 'a user'}`;
    case 'user.role_changed':
      return roleChange(target?.name ?? 'a user', details);
    case 'api_key.created':
      return `created API key ${name}`;
    case 'api_key.revoked':
      return `revoked API key ${name}`;
    case 'auth.signed_in':
      return 'signed in';
    case 'auth.sign_in_failed':
      return `failed to sign in as ${target?.name ?? 'someone'}${failureWords(textIn(details, 'reason'))}`;
    case 'event.replayed':
      return `sent a received request again to flow ${name}`;
    case 'execution.retried':
      return `retried a run of flow ${name}`;
    case 'execution.cancelled':
      return `cancelled a waiting run of flow ${name}`;
    case 'execution.replayed':
      return replayWords(target ? name : undefined, details);
    default:
      return target ? `${action} ${name}` : action;
  }
}

function quoted(target: AuditEntry['target']): string {
  if (!target) return '';
  if (target.name) return `“${target.name}”`;
  return target.id ? `“${target.id}” (since deleted)` : '(unknown)';
}

function sourceWords(source: string | undefined): string {
  if (source === 'template') return ' from a template';
  if (source === 'copy') return ' as a copy';
  if (source === 'import') return ' from a file';
  return '';
}

function credentialChange(name: string, details: Record<string, unknown>): string {
  const changed = listIn(details, 'changed');
  const renamedFrom = textIn(details, 'renamedFrom');
  const secret = changed.includes('data');
  const access = changed.includes('usableBy') ? accessWords(textIn(details, 'usableBy')) : undefined;
  const andAccess = access === undefined ? '' : ` and changed who may use it${access}`;
  if (renamedFrom) return `renamed credential “${renamedFrom}” to ${name}${secret ? ' and replaced its secret' : ''}${andAccess}`;
  if (secret) return `replaced the secret of credential ${name}${andAccess}`;
  if (access !== undefined) return `changed who may use credential ${name}${access}`;
  return `changed credential ${name}`;
}

function accessWords(mode: string | undefined): string {
  if (mode === 'everyone') return ' (every editor)';
  if (mode === 'roles') return ' (chosen roles)';
  if (mode === 'users') return ' (chosen people)';
  return '';
}

function roleChange(email: string, details: Record<string, unknown>): string {
  const role = textIn(details, 'role');
  const previous = textIn(details, 'previousRole');
  return `changed the role of ${email}${previous ? ` from ${previous}` : ''}${role ? ` to ${role}` : ''}`;
}

function userAdded(email: string, details: Record<string, unknown>): string {
  const via = textIn(details, 'via');
  if (via === 'setup') return `created the owner account ${email}`;
  if (via === 'OWNER_EMAIL') return `created the owner account ${email} from OWNER_EMAIL at start-up`;
  const role = textIn(details, 'role');
  return `added ${email}${role ? ` as ${role}` : ''}`;
}

function failureWords(reason: string | undefined): string {
  if (reason === 'wrong_password') return ' (wrong password)';
  if (reason === 'unknown_email') return ' (no such account)';
  return '';
}

function replayWords(flowName: string | undefined, details: Record<string, unknown>): string {
  const count = numberIn(details, 'count') ?? 0;
  const runs = count === 1 ? '1 failed run' : `${count} failed runs`;
  const onCurrent = textIn(details, 'version') === 'current' ? ' on the current version' : '';
  return `replayed ${runs}${flowName ? ` of flow ${flowName}` : ''}${onCurrent}`;
}

function textIn(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === 'string' ? value : undefined;
}

function numberIn(details: Record<string, unknown>, key: string): number | undefined {
  const value = details[key];
  return typeof value === 'number' ? value : undefined;
}

function listIn(details: Record<string, unknown>, key: string): string[] {
  const value = details[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
