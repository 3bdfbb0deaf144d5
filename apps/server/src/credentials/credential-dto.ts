// What the API takes and answers for credentials. An answer never carries `data`: once saved, a
// secret can be used and replaced, never read back.
import { z } from 'zod';
import type { CredentialEntity } from './credential.entity';
import { CREDENTIAL_TYPES } from './credential-types';

const name = z.string().trim().min(1, 'enter a name').max(200);
const type = z.enum(CREDENTIAL_TYPES, { message: `type must be one of ${CREDENTIAL_TYPES.join(', ')}` });

export const CreateCredentialSchema = z.object({ name, type, data: z.unknown() }).strict();
/** Without `data` the stored data is kept (rename); changing `type` needs new `data`. */
export const UpdateCredentialSchema = z.object({ name: name.optional(), type: type.optional(), data: z.unknown().optional() }).strict();

export type CreateCredentialRequest = z.output<typeof CreateCredentialSchema>;
export type UpdateCredentialRequest = z.output<typeof UpdateCredentialSchema>;

export interface CredentialDto {
  id: string;
  name: string;
  type: string;
  createdAt: string;
  updatedAt: string;
}

export function toCredentialDto(row: CredentialEntity): CredentialDto {
  return { id: row.id, name: row.name, type: row.type, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
