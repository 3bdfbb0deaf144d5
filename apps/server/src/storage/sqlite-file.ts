// The SQLite store's file name in DATA_DIR, shared by the data source and `hookflow backup` (which
// must not load TypeORM to know it).
export const SQLITE_FILE_NAME = 'hookflow.db';
