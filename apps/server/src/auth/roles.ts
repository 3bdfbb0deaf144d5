// Who may do what. Routes are checked against this table by path unless they name their roles
// with @Roles(): new routes are covered from the start, and owner-only areas (people, API keys,
// stored credentials) stay owner-only whoever adds a route under them.
import type { Role } from './roles.decorator';

export type { Role } from './roles.decorator';
export const ROLES = ['owner', 'editor', 'viewer'] as const;

/** Only the owner manages people, API keys and secrets, and reads the audit log. */
const OWNER_ONLY_PREFIXES = ['/api/users', '/api/api-keys', '/api/credentials', '/api/audit'];
/** One's own session (who am I, sign out) is open to every role. */
const SELF_SERVICE_PREFIXES = ['/api/auth/'];
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function rolesForRoute({ method, path }: { method: string; path: string }): readonly Role[] {
  if (SELF_SERVICE_PREFIXES.some((prefix) => path.startsWith(prefix))) return ROLES;
  if (OWNER_ONLY_PREFIXES.some((prefix) => underPrefix(path, prefix))) return ['owner'];
  if (READ_METHODS.has(method.toUpperCase())) return ROLES;
  return ['owner', 'editor'];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLES.some((role) => role === value);
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
