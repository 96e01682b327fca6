import { readFileSync } from "node:fs";
import type { Database } from "./database";

const migrationsDir = new URL("../migrations/", import.meta.url);

type Journal = { entries: Array<{ idx: number; tag: string }> };

export function listMigrations(): Array<{ tag: string; statements: string[] }> {
  const journal = JSON.parse(readFileSync(new URL("meta/_journal.json", migrationsDir), "utf8")) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(new URL(`${tag}.sql`, migrationsDir), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies the committed SQL migrations in order, each in its own transaction. An advisory lock
 * keeps two server processes from migrating the same PostgreSQL database at once.
 */
export async function migrate(database: Database): Promise<{ applied: string[] }> {
  await database.query(
    "CREATE TABLE IF NOT EXISTS omniloket_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const done = await database.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock(424242)");
      const existing = await query("SELECT 1 FROM omniloket_migrations WHERE tag = $1", [migration.tag]);
      if (existing.length > 0) return false;
      for (const statement of migration.statements) await query(statement);
      await query("INSERT INTO omniloket_migrations (tag) VALUES ($1)", [migration.tag]);
      return true;
    });
    if (done) applied.push(migration.tag);
  }
  return { applied };
}
