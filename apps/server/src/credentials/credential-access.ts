// Who may use a credential in their flows ("usableBy"), chosen by the owner per credential:
// everyone who may edit flows, only the listed roles, or only the listed people. Owners may always
// use every credential: they manage them and could grant themselves anyway. Pure, so the check
// reads the same wherever it runs.
import { z } from 'zod';
import { ROLES, type Role } from '../auth/roles';

const MAX_USERS = 500;

export const UsableBySchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('everyone') }).strict(),
    z.object({ mode: z.literal('roles'), roles: z.array(z.enum(ROLES, { message: `a role is one of ${ROLES.join(', ')}` })).max(ROLES.length) }).strict(),
    z.object({ mode: z.literal('users'), userIds: z.array(z.string().min(1).max(36)).max(MAX_USERS, `at most ${MAX_USERS} people`) }).strict(),
  ],
  { message: 'mode must be everyone, roles or users' },
);

export type UsableBy = z.output<typeof UsableBySchema>;

/** Today's behaviour, and what credentials saved before per-credential permissions keep. */
export const USABLE_BY_EVERYONE: UsableBy = { mode: 'everyone' };
/** What a damaged stored value means: fail closed, the owner can still use and fix it. */
const OWNERS_ONLY: UsableBy = { mode: 'roles', roles: [] };

export function mayUseCredential({ usableBy, user }: { usableBy: UsableBy; user: CredentialUser }): boolean {
  if (user.role === 'owner') return true;
  switch (usableBy.mode) {
    case 'everyone':
      return true;
    case 'roles':
      return usableBy.roles.includes(user.role);
    case 'users':
      return usableBy.userIds.includes(user.id);
  }
}

/** The stored column's value as a rule; anything unreadable means owners only. */
export function toUsableBy(stored: unknown): UsableBy {
  const parsed = UsableBySchema.safeParse(stored);
  return parsed.success ? parsed.data : OWNERS_ONLY;
}

/** One copy of each role or id, in a stable order, so equal rules store and compare equal. */
export function normalizeUsableBy(usableBy: UsableBy): UsableBy {
  if (usableBy.mode === 'roles') return { mode: 'roles', roles: ROLES.filter((role) => usableBy.roles.includes(role)) };
  if (usableBy.mode === 'users') return { mode: 'users', userIds: [...new Set(usableBy.userIds)].sort() };
  return usableBy;
}

export interface CredentialUser {
  id: string;
  role: Role;
}
