// Opens the store and brings its schema up to date. On PostgreSQL several processes may start at
// once (mains and workers of queue mode, a rolling restart): the migrations run under an advisory
// lock, so the first process applies them and the others wait, then find nothing left to do. An
// older store upgrades in place, one migration at a time, each in its own transaction. A small
// older SQLite store is also converted to incremental vacuum (sqlite-vacuum.ts).
import { DataSource, type DataSourceOptions } from 'typeorm';
import { useIncrementalVacuum } from './sqlite-vacuum';

export async function openStore(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, migrationsRun: false });
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    if (dataSource.options.type === 'better-sqlite3') await useIncrementalVacuum(dataSource);
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}

async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const key = `${dataSource.options.schema ?? 'public'}:migrations`;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    await runner.release();
  }
}
