// Picks the store from settings: PostgreSQL when DATABASE_URL is set, else one SQLite file in
// DATA_DIR in WAL mode. Schema changes only ever come from migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { Settings } from '../config/settings';
import { SQLITE_FILE_NAME } from './sqlite-file';
import { InitialSchema1764144000000 } from './migrations/1764144000000-initial-schema';
import { Credentials1764316800000 } from './migrations/1764316800000-credentials';
import { DedupeKeys1764230400000 } from './migrations/1764230400000-dedupe-keys';
import { AuthTables1764403217000 } from './migrations/1764403217000-auth-tables';
import { EventOrdering1796400000000 } from './migrations/1796400000000-event-ordering';
import { FlowKeys1796500000000 } from './migrations/1796500000000-flow-keys';
import { AuditLog1796600000000 } from './migrations/1796600000000-audit-log';
import { RetentionIndexes1796700000000 } from './migrations/1796700000000-retention-indexes';
import { CredentialUsableBy1796900000000 } from './migrations/1796900000000-credential-usable-by';
import { WaitingRuns1796800000000 } from './migrations/1796800000000-waiting-runs';

export const migrations = [InitialSchema1764144000000, DedupeKeys1764230400000, Credentials1764316800000, AuthTables1764403217000, EventOrdering1796400000000, FlowKeys1796500000000, AuditLog1796600000000, RetentionIndexes1796700000000, WaitingRuns1796800000000, CredentialUsableBy1796900000000];

/**
 * Entities are defined by the capabilities that own their tables; the application passes them all
 * (app.module.ts), a data source made outside Nest the ones it reads.
 */
export function dataSourceOptions(settings: Settings, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  // migrationsRun: a data source made outside the server migrates itself; the server migrates
  // under a lock (migrate.ts).
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false } as const;
  if (settings.DATABASE_URL) {
    return {
      ...common,
      type: 'postgres',
      url: settings.DATABASE_URL,
      schema: settings.DATABASE_SCHEMA,
      extra: { max: settings.DATABASE_POOL_SIZE },
    };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(settings.dataDir, SQLITE_FILE_NAME),
    enableWAL: true,
    // FULL fsyncs every commit; group commit is what makes that affordable. NORMAL survives a
    // process crash but can lose the last commits on power loss.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // First, before any table exists: a new store gives pruned space back to the file system
      // (retention/). On an older store this is a no-op until one VACUUM (sqlite-vacuum.ts).
      db.pragma('auto_vacuum = INCREMENTAL');
      db.pragma(`synchronous = ${settings.SQLITE_SYNCHRONOUS}`);
      db.pragma('busy_timeout = 5000');
    },
  };
}
