export { type CreateDbOptions, createDb } from "./create-db";
export type { Database, DatabaseKind, Db, Queryable, RawQuery, Schema, Tx } from "./database";
export { acquireDataDirLock, DataDirLockedError, type LockInfo, lockFileName, readLock } from "./lockfile";
export { listMigrations, migrate } from "./migrate";
export * as schema from "./schema";
