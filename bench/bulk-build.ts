// Shared steps of the benchmarks' bulk-built databases (timeline-load.ts, workspace-load.ts): keys and
// indexes are dropped during the load and rebuilt afterwards from their own catalogue definitions, and a
// bench_cache marker row, written last, makes the database a cache for later runs.
import { createDb, type Database, listMigrations } from "@omniloket/db";
import { log } from "./support";

export type Definitions = {
  constraints: Array<{ name: string; tbl: string; def: string; contype: string }>;
  indexes: Array<{ name: string; def: string }>;
};

export async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const t = performance.now();
  await work();
  log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

export const migrationTags = () =>
  listMigrations()
    .map((m) => m.tag)
    .join(",");

/** The complete marker row of a cached database, or null when there is none (or no table yet). */
export async function readMarker<M>(url: string): Promise<M | null> {
  const db = await createDb({ kind: "postgres", url, poolSize: 1 });
  try {
    const [row] = await db.query<M>("SELECT * FROM bench_cache WHERE complete");
    return row ?? null;
  } catch {
    return null;
  } finally {
    await db.close();
  }
}

/** Keys and indexes of the bulk tables (and foreign keys pointing at them), read from the catalogue. */
export async function definitions(db: Database, bulkTables: readonly string[]): Promise<Definitions> {
  const constraints = await db.query<Definitions["constraints"][number]>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def, c.contype::text AS contype
       FROM pg_constraint c
      WHERE (c.conrelid = ANY($1::regclass[]) AND c.contype IN ('p', 'u', 'f'))
         OR (c.confrelid = ANY($1::regclass[]) AND c.contype = 'f')`,
    [bulkTables],
  );
  const indexes = await db.query<Definitions["indexes"][number]>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    [bulkTables],
  );
  return { constraints, indexes };
}

/** Session settings for a fast one-connection bulk load. */
export async function bulkSession(db: Database, memory: string): Promise<void> {
  await db.query("SET synchronous_commit = off");
  await db.query(`SET maintenance_work_mem = '${memory}'`);
  await db.query("SET work_mem = '256MB'");
}

export async function dropKeysAndIndexes(db: Database, defs: Definitions): Promise<void> {
  await step("drop keys and indexes of the bulk tables", async () => {
    for (const c of defs.constraints.filter((c) => c.contype === "f"))
      await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
    for (const c of defs.constraints.filter((c) => c.contype !== "f"))
      await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
    for (const i of defs.indexes) await db.query(`DROP INDEX ${i.name}`);
  });
}

export async function rebuildKeysAndIndexes(db: Database, defs: Definitions): Promise<void> {
  await step("rebuild keys and indexes", async () => {
    for (const c of defs.constraints.filter((c) => c.contype !== "f"))
      await db.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
    for (const i of defs.indexes) await db.query(i.def);
  });
  await step("rebuild and check foreign keys", async () => {
    for (const c of defs.constraints.filter((c) => c.contype === "f"))
      await db.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
  });
}
