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

  /** Answers the key it revoked, so the caller can say which one it was. */
  async revoke(id: string): Promise<ApiKeyDto> {
    const row = await this.store.transaction(async (manager) => {
      const found = await manager.findOneBy(ApiKeyEntity, { id });
      if (found) await manager.delete(ApiKeyEntity, { id });
      return found;
    });
    if (!row) throw new NotFoundError(`No API key with id ${id}.`);
    return toApiKeyDto(row);
  }

  /** The user a key acts as, with the key's id and name, or null for an unknown or revoked key. */
  async userFor(key: string): Promise<{ user: UserEntity; apiKey: { id: string; name: string } } | null> {
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash: secretHash(key) });
    if (!row) return null;
    await this.touch(row);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.userId });
    return user ? { user, apiKey: { id: row.id, name: row.name } } : null;
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
