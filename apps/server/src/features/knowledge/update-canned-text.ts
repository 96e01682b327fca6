import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { isUniqueViolation } from "../../platform/unique-violation";
import { cannedTextNameTaken, checkCannedTextVariables } from "./canned-text-errors";
import type { CannedTextInput } from "./create-canned-text";

/** Replaces a canned text's name and body. */
export async function updateCannedText(
  deps: { db: Db },
  input: { principal: Principal; id: string; text: CannedTextInput },
) {
  checkCannedTextVariables(input.text.body);
  const c = schema.cannedTexts;
  let rows: Array<{ id: string; name: string; body: string }>;
  try {
    rows = await deps.db
      .update(c)
      .set({ name: input.text.name.trim(), body: input.text.body })
      .where(and(eq(c.id, input.id), eq(c.tenantId, input.principal.tenantId)))
      .returning({ id: c.id, name: c.name, body: c.body });
  } catch (error) {
    if (isUniqueViolation(error)) throw cannedTextNameTaken(input.text.name.trim());
    throw error;
  }
  const [row] = rows;
  if (!row) throw notFound("Deze standaardtekst");
  return row;
}
