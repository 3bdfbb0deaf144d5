// Request bodies of the auth routes. Passwords are capped: argon2 on a megabyte would let one
// request burn a core.
import { z } from 'zod';
import { ROLES } from './roles';

const email = z.email('must be an email address').max(254);
const password = z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');

export const SetupBody = z.object({ email, password, name: z.string().trim().min(1).max(200).optional() });
export type SetupRequest = z.output<typeof SetupBody>;

export const LoginBody = z.object({ email: z.string().max(254), password: z.string().max(256) });
export type LoginRequest = z.output<typeof LoginBody>;

export const NewUserBody = SetupBody.extend({ role: z.enum(ROLES) });
export type NewUserRequest = z.output<typeof NewUserBody>;

export const RoleChangeBody = z.object({ role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) }).strict();
export type RoleChangeRequest = z.output<typeof RoleChangeBody>;

export const NewApiKeyBody = z.object({ name: z.string().trim().min(1, 'give the key a name, e.g. "deploy script"').max(200) });
export type NewApiKeyRequest = z.output<typeof NewApiKeyBody>;
