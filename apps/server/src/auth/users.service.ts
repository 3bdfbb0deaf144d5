// People who may use the editor and the API. Emails are stored lower-cased; password hashes never
// leave this service (every answer goes through toUserDto). There is always an owner: the last one
// can be neither removed nor given another role.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type FindManyOptions } from 'typeorm';
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
      const user = await manager.findOneBy(UserEntity, { id });
      if (!user) throw new NotFoundError(`No user with id ${id}.`);
      if (user.role === 'owner') await this.assertAnotherOwner(manager, { user, doing: 'removed' });
      await manager.delete(SessionEntity, { userId: id });
      await manager.delete(ApiKeyEntity, { userId: id });
      await manager.delete(UserEntity, { id });
    });
  }

  /**
   * Gives a user another role; answers the user and the role they had. Nobody changes their own
   * role (another owner can), so an owner cannot lock themselves out by a slip.
   */
  async changeRole({ id, role, actingUserId }: { id: string; role: Role; actingUserId: string }): Promise<{ user: UserDto; previousRole: Role }> {
    if (id === actingUserId) throw new ConflictError('You cannot change your own role; another owner can.');
    return this.store.transaction(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id });
      if (!user) throw new NotFoundError(`No user with id ${id}.`);
      const previousRole = user.role;
      if (previousRole === 'owner' && role !== 'owner') await this.assertAnotherOwner(manager, { user, doing: `given the role ${role}` });
      if (previousRole !== role) await manager.update(UserEntity, { id }, { role });
      return { user: toUserDto({ ...user, role }), previousRole };
    });
  }

  /**
   * Refuses to take away the last owner. On PostgreSQL the owners' rows are locked first, so two
   * owners demoting each other at once cannot both succeed; SQLite has one writer at a time.
   */
  private async assertAnotherOwner(manager: EntityManager, { user, doing }: { user: UserEntity; doing: string }): Promise<void> {
    const lock: FindManyOptions<UserEntity>['lock'] = this.store.isPostgres ? { mode: 'pessimistic_write' } : undefined;
    const owners = await manager.find(UserEntity, { select: { id: true }, where: { role: 'owner' }, lock });
    if (!owners.some((owner) => owner.id !== user.id)) {
      throw new ConflictError(`${user.email} is the only owner and cannot be ${doing}; make another user an owner first.`);
    }
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
