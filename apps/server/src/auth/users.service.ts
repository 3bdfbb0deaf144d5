// People who may use the editor and the API. Emails are stored lower-cased; password hashes never
// leave this service (every answer goes through toUserDto).
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { StoreService } from '../storage/store.service';
import { ApiKeyEntity, SessionEntity, UserEntity } from './auth.entities';
import { hashPassword } from './password-hasher';
import type { Role } from './roles';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
  ) {}

  async setupRequired(): Promise<boolean> {
    return (await this.dataSource.getRepository(UserEntity).count()) === 0;
  }

  /** The first account, made by whoever installs Hookflow; refused once anyone exists. */
  async createFirstOwner(input: NewUser): Promise<UserDto> {
    const row = await this.newRow({ ...input, role: 'owner' });
    await this.store.transaction(async (manager) => {
      if ((await manager.count(UserEntity)) > 0) throw new ConflictError('The owner account already exists; sign in instead.');
      await manager.insert(UserEntity, row);
    });
    return toUserDto(row);
  }

  async create(input: NewUser & { role: Role }): Promise<UserDto> {
    const row = await this.newRow(input);
    await this.store.transaction(async (manager) => {
      if (await manager.existsBy(UserEntity, { email: row.email })) throw new ConflictError(`A user with the email ${row.email} already exists.`);
      await manager.insert(UserEntity, row);
    });
    return toUserDto(row);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async list(): Promise<UserDto[]> {
    const rows = await this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map(toUserDto);
  }

  /** Removes a user with their sessions and API keys; nobody removes themselves (or the last owner). */
  async remove({ id, actingUserId }: { id: string; actingUserId: string }): Promise<void> {
    if (id === actingUserId) throw new ConflictError('You cannot remove your own account.');
    await this.store.transaction(async (manager) => {
      if (!(await manager.existsBy(UserEntity, { id }))) throw new NotFoundError(`No user with id ${id}.`);
      await manager.delete(SessionEntity, { userId: id });
      await manager.delete(ApiKeyEntity, { userId: id });
      await manager.delete(UserEntity, { id });
    });
  }

  private async newRow({ email, password, name, role }: NewUser & { role: Role }): Promise<UserEntity> {
    const passwordHash = await hashPassword(password);
    return { id: randomUUID(), email: normalizeEmail(email), name: name ?? null, role, passwordHash, createdAt: new Date().toISOString() };
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserDto(row: UserEntity): UserDto {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt };
}

export interface NewUser {
  email: string;
  password: string;
  name?: string;
}

export interface UserDto {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}
