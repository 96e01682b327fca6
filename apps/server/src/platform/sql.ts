import type { Queryable } from "@omniloket/db";
import type { SQL } from "drizzle-orm";

/** Rows of a raw drizzle `sql` query; PGlite and node-postgres both answer with `{ rows }`. */
export async function selectRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Raw rows may carry timestamps as text (drizzle's PGlite driver) or as Date (node-postgres). */
export function asDate(value: Date | string): Date {
  return value instanceof Date
    ? value
    : new Date(value.includes("T") ? value : `${value.replace(" ", "T")}`.replace(/([+-]\d\d)$/, "$1:00"));
}

/** A timestamptz as UTC text with microseconds, for keyset cursors. */
export const utcMicros = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
