// A consistent copy of a live SQLite store through SQLite's online backup API. The source is opened
// read-only and holds one read transaction for the whole copy: in WAL mode that is a snapshot the
// server's writes do not disturb (they go on meanwhile), so the backup never restarts. Without it,
// SQLite restarts a stepwise backup whenever another process writes, which under webhook load is
// all the time (measured: thousands of restarts, finishing only when the writes stopped).
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Pages copied per step: 4 MiB with SQLite's default page size, so progress shows on large stores. */
const STEP_PAGES = 1024;

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupResult {
  pages: number;
  bytes: number;
}

/**
 * Copies `source` into `target` (replacing it), through a temporary file beside it, so an
 * interrupted backup never leaves a half-written file under the target's name. The copy is checked
 * (quick_check) and made self-contained (rollback journal, no -wal file); the server puts it back
 * in WAL mode when it opens it.
 */
export async function backupSqlite({ source, target, onProgress }: { source: string; target: string; onProgress(progress: BackupProgress): void }): Promise<BackupResult> {
  const partial = `${target}.${process.pid}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    // The read transaction starts at the first read; from here on the copy sees this snapshot.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const done = await db.backup(partial, {
      progress: (progress) => {
        onProgress(progress);
        return STEP_PAGES;
      },
    });
    db.exec('COMMIT');
    const bytes = finish(partial);
    renameSync(partial, target);
    return { pages: done.totalPages, bytes };
  } catch (err) {
    removeCopy(partial);
    throw err;
  } finally {
    db.close();
  }
}

/** Checks the copy and turns it into one standalone file; answers its size in bytes. */
function finish(file: string): number {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const check: unknown = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check: ${String(check)}`);
    return Number(copy.pragma('page_count', { simple: true })) * Number(copy.pragma('page_size', { simple: true }));
  } finally {
    copy.close();
  }
}

function removeCopy(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
