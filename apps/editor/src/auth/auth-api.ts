// The auth routes of the server: first-run setup, sign-in and out, who am I, API keys and people.
import { deleteJson, postJson, requestJson } from '../api/http';

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Only the answer that makes a key carries the key itself. */
export interface NewApiKey extends ApiKeyInfo {
  key: string;
}

/** Always answered with 200, so a browser's first request never fails. */
export type AuthStatus = { setupRequired: boolean; signedIn: false } | { setupRequired: boolean; signedIn: true; user: AuthUser };

export interface Credentials {
  email: string;
  password: string;
}

/** A person the owner adds: they sign in with this email and initial password. */
export interface NewUser extends Credentials {
  role: Role;
  name?: string;
}

export const authApi = {
  status: () => requestJson<AuthStatus>('/api/auth/status'),
  setup: (body: Credentials & { name?: string }) => postJson<{ user: AuthUser }>('/api/auth/setup', body),
  login: (body: Credentials) => postJson<{ user: AuthUser }>('/api/auth/login', body),
  logout: () => postJson<null>('/api/auth/logout'),

  apiKeys: () => requestJson<{ items: ApiKeyInfo[] }>('/api/api-keys'),
  createApiKey: (name: string) => postJson<NewApiKey>('/api/api-keys', { name }),
  revokeApiKey: (id: string) => deleteJson(`/api/api-keys/${encodeURIComponent(id)}`),

  users: () => requestJson<{ items: AuthUser[] }>('/api/users'),
  createUser: (body: NewUser) => postJson<AuthUser>('/api/users', body),
  changeRole: ({ id, role }: { id: string; role: Role }) => requestJson<AuthUser>(userPath(id), { method: 'PATCH', body: JSON.stringify({ role }) }),
  removeUser: (id: string) => deleteJson(userPath(id)),
};

function userPath(id: string): string {
  return `/api/users/${encodeURIComponent(id)}`;
}
