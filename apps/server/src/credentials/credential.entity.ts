// A stored credential. `data` is the AES-256-GCM ciphertext of the credential's fields (see
// credential-cipher.ts); nothing else in the row is secret.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UsableBy } from './credential-access';

@Entity('credentials')
export class CredentialEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 200, unique: true }) name!: string;
  @Column('varchar', { length: 20 }) type!: string;
  @Column('text') data!: string;
  /** Who may use it in their flows (credential-access.ts); JSON text. */
  @Column('simple-json') usableBy!: UsableBy;
  @Column('varchar', { length: 30 }) createdAt!: string;
  @Column('varchar', { length: 30 }) updatedAt!: string;
}
