// What the API takes and answers for credentials. An answer never carries `data`: once saved, a
// secret can be used and replaced, never read back. Who may use a credential (`usableBy`) is the
// owner's business: other roles only learn whether they may use it themselves (`usable`).
import { z } from 'zod';
import type { Role } from '../auth/roles';
import { mayUseCredential, toUsableBy, UsableBySchema, type UsableBy } from './credential-access';
import type { CredentialEntity } from './credential.entity';
import { CREDENTIAL_TYPES } from './credential-types';

const name = z.string().trim().min(1, 'enter a name').max(200);
const type = z.enum(CREDENTIAL_TYPES, { message: `type must be one of ${CREDENTIAL_TYPES.join(', ')}` });

/** Without `usableBy` a new credential is usable by everyone who may edit flows (as before). */
export const CreateCredentialSchema = z.object({ name, type, data: z.unknown(), usableBy: UsableBySchema.optional() }).strict();
/** Without `data` the stored data is kept (rename); changing `type` needs new `data`. */
export const UpdateCredentialSchema = z.object({ name: name.optional(), type: type.optional(), data: z.unknown().optional(), usableBy: UsableBySchema.optional() }).strict();

export type CreateCredentialRequest = z.output<typeof CreateCredentialSchema>;
export type UpdateCredentialRequest = z.output<typeof UpdateCredentialSchema>;

export interface CredentialDto {
  id: string;
  name: string;
  type: string;
  usableBy: UsableBy;
  createdAt: string;
  updatedAt: string;
}

/** One line of the list: owners get the whole credential, everyone gets whether they may use it. */
export type CredentialListItem = (CredentialDto | Omit<CredentialDto, 'usableBy'>) & { usable: boolean };

export function toCredentialDto(row: CredentialEntity): CredentialDto {
  return { id: row.id, name: row.name, type: row.type, usableBy: toUsableBy(row.usableBy), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function toCredentialListItem({ row, user }: { row: CredentialEntity; user: { id: string; role: Role } }): CredentialListItem {
  const dto = toCredentialDto(row);
  const usable = mayUseCredential({ usableBy: dto.usableBy, user });
  if (user.role === 'owner') return { ...dto, usable };
  return { id: dto.id, name: dto.name, type: dto.type, createdAt: dto.createdAt, updatedAt: dto.updatedAt, usable };
}
