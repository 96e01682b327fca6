import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;

/** A drizzle database over PGlite or node-postgres; use cases see only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction, or the database itself, for functions that can run in either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;

/**
 * A raw parameterised query. `name` makes it a prepared statement on PostgreSQL (parsed and planned once
 * per connection), for hot paths; PGlite ignores it.
 */
export type RawQuery = <T = Record<string, unknown>>(
  text: string,
  params?: unknown[],
  name?: string,
) => Promise<T[]>;

export type DatabaseKind = "embedded" | "postgres";

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** Subscribe to NOTIFY on a channel. Returns a function that unsubscribes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Run a raw SQL text with parameters and return the rows (for bulk work and benchmarks). */
  query: RawQuery;
  /** Run raw statements in one transaction (migrations, bulk loads). */
  transaction<T>(work: (query: RawQuery) => Promise<T>): Promise<T>;
  /** Embedded only: the whole data directory as an uncompressed tarball (createDb's `loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
};
