// Headless set-up: OWNER_EMAIL and OWNER_PASSWORD create the owner at the first start, so Docker
// and scripts need no browser. Once anyone exists the variables change nothing (they never reset
// a password), which keeps a leaked environment from taking over a running install.
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { UsersService } from './users.service';

@Injectable()
export class OwnerSeedService implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { OWNER_EMAIL: email, OWNER_PASSWORD: password } = this.settings;
    if (!email || !password || !(await this.users.setupRequired())) return;
    try {
      const owner = await this.users.createFirstOwner({ email, password });
      this.logger.info({ email: owner.email }, 'owner account created from OWNER_EMAIL');
      await this.audit.record({ actor: SYSTEM_ACTOR, action: 'user.created', target: { type: 'user', id: owner.id, name: owner.email }, details: { role: owner.role, via: 'OWNER_EMAIL' } });
    } catch (err) {
      // Another process of the same install made it first.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}
