import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, Db, RawQuery } from "./database";
import { acquireDataDirLock } from "./lockfile";
import * as schema from "./schema";

export type CreateDbOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /**
   * `dataDir` null means in memory (tests). `loadDataDir` starts an in-memory database from a dump of
   * another one (PGlite's dumpDataDir) instead of running initdb: tests clone a migrated template.
   */
  | { kind: "embedded"; dataDir: string | null; lockInfo?: { url?: string }; loadDataDir?: Blob };

/** Opens PostgreSQL from a URL, or embedded PGlite on disk in the data directory (with a lockfile). */
export async function createDb(
  options: CreateDbOptions,
): Promise<Database & { lock?: { update(extra: { url?: string }): void } }> {
  return options.kind === "postgres"
    ? openPostgres(options.url, options.poolSize)
    : openEmbedded(options.dataDir, options.lockInfo, options.loadDataDir);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // Timestamps come back as strings from raw queries; drizzle maps its own columns.
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const query: RawQuery = async (text, params, name) =>
    (await pool.query({ text, values: params as unknown[], ...(name ? { name } : {}) })).rows;
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.PoolClient | null = null;
  let connecting: Promise<pg.PoolClient> | null = null;
  let closing = false;

  // One connection LISTENs for the whole process. If it drops, a new one listens again on every channel.
  async function connectListener(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    client.on("notification", (message) => {
      for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? "");
    });
    let dropped = false;
    client.on("error", () => {
      // pg may report one dropped connection more than once; hand it back to the pool only once.
      if (dropped) return;
      dropped = true;
      try {
        client.release(true);
      } catch {
        // Already released by the pool itself.
      }
      if (listenClient === client) listenClient = null;
      if (!closing) setTimeout(() => void relisten(), 1_000);
    });
    return client;
  }

  async function relisten(): Promise<void> {
    if (closing || listenClient || listeners.size === 0) return;
    try {
      const client = await connectListener();
      listenClient = client;
      for (const channel of listeners.keys()) await client.query(`LISTEN "${channel.replaceAll('"', "")}"`);
    } catch {
      if (!closing) setTimeout(() => void relisten(), 5_000);
    }
  }

  return {
    kind: "postgres",
    db,
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(
          async (text, params) => (await client.query(text, params as unknown[])).rows,
        );
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // Two listens at once share one connection: the second waits for the first to connect.
      if (!listenClient) {
        connecting ??= connectListener().finally(() => {
          connecting = null;
        });
        const connected = await connecting;
        listenClient ??= connected;
      }
      const client = listenClient;
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN "${channel.replaceAll('"', "")}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closing = true;
      listenClient?.release();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string | null, lockInfo?: { url?: string }, loadDataDir?: Blob) {
  const lock = dataDir ? acquireDataDirLock(dataDir, lockInfo) : undefined;
  let client: PGlite;
  try {
    if (dataDir) mkdirSync(join(dataDir, "pgdata"), { recursive: true });
    client = dataDir
      ? await PGlite.create(join(dataDir, "pgdata"))
      : await PGlite.create(loadDataDir ? { loadDataDir } : undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const query: RawQuery = async <T>(text: string, params?: unknown[]) =>
    (await client.query<T>(text, params as unknown[])).rows;
  return {
    kind: "embedded" as const,
    db,
    query,
    lock,
    transaction<T>(work: (query: RawQuery) => Promise<T>) {
      return client.transaction((tx) =>
        work(
          async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params as unknown[])).rows,
        ),
      );
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    dumpDataDir: () => client.dumpDataDir("none"),
    async close() {
      await client.close();
      lock?.release();
    },
  };
}
