// Sign-in sessions: a random token in an httpOnly cookie, stored as its hash with an expiry.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { SETTINGS, type Settings } from '../config/settings';
import { StoreService } from '../storage/store.service';
import { SessionEntity, UserEntity } from './auth.entities';
import { newSessionToken, secretHash } from './secret-tokens';

const HOUR_MS = 3_600_000;

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Starts a session and answers its token (for the cookie) and when it ends. */
  async start(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.settings.SESSION_TTL_HOURS * HOUR_MS);
    const row: SessionEntity = { tokenHash: secretHash(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
    await this.store.transaction(async (manager) => {
      // Sessions end by expiry rather than by a timer; signing in sweeps the expired ones.
      await manager.delete(SessionEntity, { expiresAt: LessThan(now.toISOString()) });
      await manager.insert(SessionEntity, row);
    });
    return { token, expiresAt };
  }

  /** The user a live session token belongs to, or null. */
  async userFor(token: string): Promise<UserEntity | null> {
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash: secretHash(token) });
    if (!session || session.expiresAt <= new Date().toISOString()) return null;
    return this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
  }

  async end(token: string): Promise<void> {
    await this.store.transaction((manager) => manager.delete(SessionEntity, { tokenHash: secretHash(token) }));
  }
}
