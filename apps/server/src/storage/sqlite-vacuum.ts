// SQLite gives the space of deleted rows back to the file system only when the file is in
// auto_vacuum=INCREMENTAL mode; retention (retention/) then runs `PRAGMA incremental_vacuum` in
// small steps. New stores are made so from their first page (data-source-options.ts). A store made
// before keeps its mode until one full VACUUM, which rewrites the whole file (about 10 s per GB
// measured here, and as much free disk as the file): done once at start while the file is small
// enough for that to take a few seconds; a larger one keeps working as before (SQLite reuses the
// freed pages for new rows, so it stops growing, but does not shrink) until the documented one-off
// conversion (docs/operations.md#retention).
import type { DataSource } from 'typeorm';

/** Largest store converted at start, in bytes: ~5 s of VACUUM on the machines we measured. */
export const CONVERT_AT_START_MAX_BYTES = 512 * 1024 * 1024;

export type VacuumMode = 'none' | 'full' | 'incremental';

/** Converts a small store to incremental vacuum; answers the mode the store is in afterwards. */
export async function useIncrementalVacuum(dataSource: DataSource): Promise<VacuumMode> {
  const mode = await vacuumMode(dataSource);
  if (mode === 'incremental') return mode;
  const [pages, pageSize] = await Promise.all([pragmaNumber(dataSource, 'page_count'), pragmaNumber(dataSource, 'page_size')]);
  if (pages * pageSize > CONVERT_AT_START_MAX_BYTES) return mode;
  await dataSource.query('PRAGMA auto_vacuum = INCREMENTAL');
  // Before the writer thread opens (StoreService), so nothing else writes meanwhile.
  await dataSource.query('VACUUM');
  return vacuumMode(dataSource);
}

export async function vacuumMode(dataSource: DataSource): Promise<VacuumMode> {
  const mode = await pragmaNumber(dataSource, 'auto_vacuum');
  return mode === 2 ? 'incremental' : mode === 1 ? 'full' : 'none';
}

export async function pragmaNumber(dataSource: DataSource, name: string): Promise<number> {
  const rows: unknown = await dataSource.query(`PRAGMA ${name}`);
  const row: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const value: unknown = typeof row === 'object' && row !== null && name in row ? Reflect.get(row, name) : undefined;
  return Number(value);
}
