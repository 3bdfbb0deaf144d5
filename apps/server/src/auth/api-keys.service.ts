// API keys for scripts: shown once when made, stored as a SHA-256 hash, acting as the user who
// made them. Deleting a key revokes it at once: every request looks its hash up.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-errors';
import { StoreService } from '../storage/store.service';
import { ApiKeyEntity, UserEntity } from './auth.entities';
import { apiKeyPrefix, newApiKey, secretHash } from './secret-tokens';

/** "Last used" is a hint for people, not an audit log: written at most this often per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
  ) {}

  async create({ name, userId }: { name: string; userId: string }): Promise<ApiKeyDto & { key: string }> {
    const key = newApiKey();
    const row: ApiKeyEntity = { id: randomUUID(), name, keyHash: secretHash(key), prefix: apiKeyPrefix(key), userId, createdAt: new Date().toISOString(), lastUsedAt: null };
    await this.store.transaction((manager) => manager.insert(ApiKeyEntity, row));
    return { ...toApiKeyDto(row), key };
  }

  async list(): Promise<ApiKeyDto[]> {
    const rows = await this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC' } });
    return rows.map(toApiKeyDto);
  }

  async revoke(id: string): Promise<void> {
    const result = await this.store.transaction((manager) => manager.delete(ApiKeyEntity, { id }));
    if (!result.affected) throw new NotFoundError(`No API key with id ${id}.`);
  }

  /** The user a key acts as, or null for an unknown or revoked key. */
  async userFor(key: string): Promise<UserEntity | null> {
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash: secretHash(key) });
    if (!row) return null;
    await this.touch(row);
    return this.dataSource.getRepository(UserEntity).findOneBy({ id: row.userId });
  }

  private async touch(row: ApiKeyEntity): Promise<void> {
    const now = new Date();
    if (row.lastUsedAt && now.getTime() - Date.parse(row.lastUsedAt) < LAST_USED_RESOLUTION_MS) return;
    await this.store.transaction((manager) => manager.update(ApiKeyEntity, { id: row.id }, { lastUsedAt: now.toISOString() }));
  }
}

function toApiKeyDto(row: ApiKeyEntity): ApiKeyDto {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
}

export interface ApiKeyDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}
