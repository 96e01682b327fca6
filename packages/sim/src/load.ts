import type { Database, RawQuery } from "@omniloket/db";
import { type ColumnType, type TableRows, tableRows } from "./load-rows";
import type { GeneratedMunicipality } from "./types";

export type LoadOptions = {
  onProgress?(done: number, total: number, stage: string): void;
  /** Rows per INSERT statement. */
  batchSize?: number;
};

export type LoadResult = { rows: Record<string, number>; milliseconds: number };

/**
 * Bulk-loads a generated municipality in one transaction: one `INSERT … SELECT FROM unnest(…)` per
 * batch and table, which PGlite and PostgreSQL 15 both run quickly. Afterwards the question
 * sequence continues where ingesting the same interactions would have left it, so later ingests do not collide.
 */
export async function loadMunicipality(
  database: Database,
  generated: GeneratedMunicipality,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const started = performance.now();
  const tables = tableRows(generated);
  const batchSize = options.batchSize ?? 2500;
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  const counts: Record<string, number> = {};
  let done = 0;
  await database.transaction(async (query) => {
    for (const table of tables) {
      for (let at = 0; at < table.rows.length; at += batchSize) {
        const batch = table.rows.slice(at, at + batchSize);
        await insertBatch(query, table, batch);
        done += batch.length;
        options.onProgress?.(done, total, table.table);
      }
      counts[table.table] = table.rows.length;
    }
    // Ingest draws a number for every contact (docs/decisions/0007): continue after the last one drawn.
    let last = generated.interactions.length > 0 ? BigInt(999 + generated.interactions.length) : 0n;
    for (const question of generated.questions) if (question.sequence > last) last = question.sequence;
    if (last > 0n) await query("SELECT setval('question_reference_seq', $1::bigint)", [last.toString()]);
  });
  return { rows: counts, milliseconds: Math.round(performance.now() - started) };
}

async function insertBatch(query: RawQuery, table: TableRows, rows: unknown[][]): Promise<void> {
  const names = table.columns.map(([name]) => `"${name}"`).join(", ");
  const params = table.columns.map(([, type], i) => `$${i + 1}::${parameterType(type)}[]`).join(", ");
  const aliases = table.columns.map((_, i) => `c${i}`);
  const selects = table.columns
    .map(([, type], i) => (type === "text[]" || type === "jsonb" ? `c${i}::${type}` : `c${i}`))
    .join(", ");
  const values = table.columns.map(([, type], i) => rows.map((row) => toParameter(row[i], type)));
  await query(
    `INSERT INTO ${table.table} (${names}) SELECT ${selects} FROM unnest(${params}) AS u(${aliases.join(", ")})`,
    values,
  );
}

function parameterType(type: ColumnType): string {
  return type === "text[]" || type === "jsonb" ? "text" : type;
}

function toParameter(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (type === "text[]") return arrayLiteral(value as string[]);
  return value;
}

/** A PostgreSQL array literal with every element quoted, so commas, quotes and braces survive. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
