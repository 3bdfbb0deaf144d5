// Stored credentials: validated per type, encrypted before they touch the store, decrypted only
// for the engine and the secret resolver. Decrypted data is cached briefly, so checking a
// webhook signature does not cost a read and a decryption per request.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { UserEntity } from '../auth/auth.entities';
import type { Role } from '../auth/roles';
import { FlowEntity } from '../flows/flow.entities';
import { StoreService } from '../storage/store.service';
import { CredentialCipher } from './credential-cipher';
import { normalizeUsableBy, USABLE_BY_EVERYONE, type UsableBy } from './credential-access';
import { toCredentialDto, toCredentialListItem, type CreateCredentialRequest, type CredentialDto, type CredentialListItem, type UpdateCredentialRequest } from './credential-dto';
import { CredentialEntity } from './credential.entity';
import { referencesCredential } from './credential-references';
import { credentialDataSchemas, isCredentialType, type CredentialType } from './credential-types';

/** Short: another process may have replaced the credential (scaled mode has no shared cache). */
const CACHE_TTL_MS = 10_000;

export interface DecryptedCredential {
  type: CredentialType;
  data: Record<string, string>;
}

@Injectable()
export class CredentialsService {
  private readonly cache = new Map<string, { credential: DecryptedCredential; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    private readonly cipher: CredentialCipher,
  ) {}

  /** Every credential by name, each saying whether `user` may use it. */
  async list(user: { id: string; role: Role }): Promise<CredentialListItem[]> {
    const rows = await this.repository().find({ order: { name: 'ASC' } });
    return rows.map((row) => toCredentialListItem({ row, user }));
  }

  async get(id: string): Promise<CredentialDto> {
    return toCredentialDto(await this.find(id));
  }

  async create(body: CreateCredentialRequest): Promise<CredentialDto> {
    const data = validData(body.type, body.data);
    const now = new Date().toISOString();
    const id = randomUUID();
    const usableBy = await this.validUsableBy(body.usableBy ?? USABLE_BY_EVERYONE);
    const row: CredentialEntity = { id, name: body.name, type: body.type, data: this.cipher.encrypt({ id, data }), usableBy, createdAt: now, updatedAt: now };
    await this.save(row, { isNew: true });
    return toCredentialDto(row);
  }

  async update(id: string, body: UpdateCredentialRequest): Promise<CredentialDto> {
    const row = await this.find(id);
    const type = body.type ?? row.type;
    if (body.data === undefined && type !== row.type) {
      throw new InvalidInputError([{ path: 'data', message: 'changing the type needs the new data too' }]);
    }
    if (!isCredentialType(type)) throw new InvalidInputError([{ path: 'type', message: `unknown credential type "${type}"` }]);
    const data = body.data === undefined ? undefined : validData(type, body.data);
    const updated: CredentialEntity = {
      ...row,
      name: body.name ?? row.name,
      type,
      usableBy: body.usableBy === undefined ? row.usableBy : await this.validUsableBy(body.usableBy),
      data: data ? this.cipher.encrypt({ id, data }) : row.data,
      updatedAt: new Date().toISOString(),
    };
    await this.save(updated, { isNew: false });
    this.cache.delete(id);
    return toCredentialDto(updated);
  }

  /** Refused while a flow's current document still references the credential. */
  async remove(id: string): Promise<void> {
    const row = await this.find(id);
    const flows = await this.dataSource.getRepository(FlowEntity).find({ select: { id: true, name: true, document: true } });
    const users = flows.filter((flow) => referencesCredential(flow.document, id));
    if (users.length > 0) {
      const names = users.map((flow) => `"${flow.name}" (${flow.id})`).join(', ');
      throw new ConflictError(`The credential "${row.name}" is used by ${users.length === 1 ? 'the flow' : 'the flows'} ${names}; change ${users.length === 1 ? 'it' : 'them'} first.`);
    }
    await this.store.transaction((manager) => manager.delete(CredentialEntity, { id }));
    this.cache.delete(id);
  }

  /** The decrypted credential, or undefined when no credential has this id. */
  async decrypted(id: string): Promise<DecryptedCredential | undefined> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.credential;
    const row = await this.repository().findOneBy({ id });
    if (!row || !isCredentialType(row.type)) return undefined;
    const credential = { type: row.type, data: this.cipher.decrypt({ id, sealed: row.data }) };
    this.cache.set(id, { credential, until: Date.now() + CACHE_TTL_MS });
    return credential;
  }

  /** Chosen people must exist: a mistyped id would quietly lock everyone out. */
  private async validUsableBy(usableBy: UsableBy): Promise<UsableBy> {
    const normalized = normalizeUsableBy(usableBy);
    if (normalized.mode !== 'users' || normalized.userIds.length === 0) return normalized;
    const known = await this.dataSource.getRepository(UserEntity).find({ select: { id: true }, where: { id: In(normalized.userIds) } });
    const knownIds = new Set(known.map((user) => user.id));
    const unknown = normalized.userIds.filter((userId) => !knownIds.has(userId));
    if (unknown.length > 0) throw new InvalidInputError(unknown.map((userId) => ({ path: 'usableBy.userIds', message: `no user has the id "${userId}"; pick people from GET /api/users` })));
    return normalized;
  }

  private async find(id: string): Promise<CredentialEntity> {
    const row = await this.repository().findOneBy({ id });
    if (!row) throw new NotFoundError(`No credential with id "${id}".`);
    return row;
  }

  /** Under the store's write lock, so it never races a group commit on SQLite. */
  private async save(row: CredentialEntity, { isNew }: { isNew: boolean }): Promise<void> {
    try {
      await this.store.transaction(async (manager: EntityManager) => {
        const clash = await manager.findOneBy(CredentialEntity, { name: row.name });
        if (clash && clash.id !== row.id) throw nameTaken(row.name);
        if (isNew) await manager.insert(CredentialEntity, row);
        else await manager.update(CredentialEntity, { id: row.id }, row);
      });
    } catch (err) {
      // Two saves of one name at once (two processes on PostgreSQL): the unique index decides.
      if (err instanceof QueryFailedError && /unique/i.test(err.message)) throw nameTaken(row.name);
      throw err;
    }
  }

  private repository() {
    return this.dataSource.getRepository(CredentialEntity);
  }
}

function validData(type: CredentialType, data: unknown): Record<string, string> {
  const parsed = credentialDataSchemas[type].safeParse(data ?? {});
  if (!parsed.success) {
    throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: ['data', ...issue.path].join('.'), message: issue.message })));
  }
  return Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function nameTaken(name: string): ConflictError {
  return new ConflictError(`A credential named "${name}" already exists; pick another name.`);
}
