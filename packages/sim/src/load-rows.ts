import { partyTables } from "./load-rows-parties";
import { questionTables } from "./load-rows-questions";
import type { GeneratedMunicipality } from "./types";

/** A column's PostgreSQL type; array and jsonb columns travel as text and are cast per row. */
export type ColumnType = "uuid" | "text" | "timestamptz" | "bool" | "int8" | "date" | "text[]" | "jsonb";

export type TableRows = {
  table: string;
  columns: ReadonlyArray<readonly [string, ColumnType]>;
  rows: unknown[][];
};

/** Every table the demo fills, in an order that satisfies the foreign keys. */
export function tableRows(generated: GeneratedMunicipality): TableRows[] {
  return [...partyTables(generated), ...questionTables(generated)];
}
