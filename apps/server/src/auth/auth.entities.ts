// Tables of the auth capability: people, their sign-in sessions and the API keys scripts use.
// Session tokens and API keys are stored only as SHA-256 hashes; passwords only as argon2 hashes.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  /** Lower-cased, so sign-in does not depend on how the address was typed. */
  @Index({ unique: true })
  @Column('varchar', { length: 254 }) email!: string;
  @Column('varchar', { length: 200, nullable: true }) name!: string | null;
  @Column('varchar', { length: 16 }) role!: Role;
  @Column('text') passwordHash!: string;
  @Column('varchar', { length: 30 }) createdAt!: string;
}

@Entity('sessions')
@Index(['userId'])
export class SessionEntity {
  /** SHA-256 (hex) of the cookie's token: a stolen table cannot be replayed as cookies. */
  @PrimaryColumn('varchar', { length: 64 }) tokenHash!: string;
  @Column('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 30 }) createdAt!: string;
  @Column('varchar', { length: 30 }) expiresAt!: string;
}

@Entity('api_keys')
@Index(['userId'])
export class ApiKeyEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** SHA-256 (hex) of the key; the key itself is shown once, when it is made. */
  @Index({ unique: true })
  @Column('varchar', { length: 64 }) keyHash!: string;
  /** The key's first characters, so a person can tell keys apart in a list. */
  @Column('varchar', { length: 16 }) prefix!: string;
  /** The key acts as this user, with this user's role. */
  @Column('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 30 }) createdAt!: string;
  @Column('varchar', { length: 30, nullable: true }) lastUsedAt!: string | null;
}

export const authEntities = [UserEntity, SessionEntity, ApiKeyEntity];
