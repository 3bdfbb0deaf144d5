// The database handles behind TypeORM's data source that the hot paths use directly: the
// better-sqlite3 connection (the writer thread's pragmas, prepared reads) and pg's Pool (one-statement
// batches, prepared reads). Type guards, so nothing here trusts TypeORM's internals blindly.
import type { DataSource } from 'typeorm';

export interface SqliteConnection {
  name: string;
  pragma(source: string, options: { simple: true }): unknown;
  prepare(sql: string): { get(...values: unknown[]): unknown };
}

/** The part of pg's Pool the hot paths use. */
export interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<unknown>;
}

export function sqliteConnectionOf(dataSource: DataSource): SqliteConnection | undefined {
  if (dataSource.options.type !== 'better-sqlite3') return undefined;
  const connection = driverField(dataSource, 'databaseConnection');
  return isSqliteConnection(connection) ? connection : undefined;
}

/** TypeORM's pg Pool behind a PostgreSQL data source (once it is connected). */
export function pgPoolOf(dataSource: DataSource): PgQueryable | undefined {
  if (dataSource.options.type !== 'postgres') return undefined;
  const pool = driverField(dataSource, 'master');
  return isQueryable(pool) ? pool : undefined;
}

function driverField(dataSource: DataSource, field: string): unknown {
  const driver: unknown = dataSource.driver;
  return typeof driver === 'object' && driver !== null && field in driver ? Reflect.get(driver, field) : undefined;
}

function isSqliteConnection(value: unknown): value is SqliteConnection {
  if (typeof value !== 'object' || value === null) return false;
  return 'pragma' in value && typeof value.pragma === 'function' && 'prepare' in value && typeof value.prepare === 'function' && 'name' in value && typeof value.name === 'string';
}

function isQueryable(value: unknown): value is PgQueryable {
  return typeof value === 'object' && value !== null && 'query' in value && typeof value.query === 'function';
}
