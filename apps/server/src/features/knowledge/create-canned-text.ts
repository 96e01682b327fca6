import { type Db, schema } from "@omniloket/db";
import type { Principal } from "../../platform/auth/principal";
import { isUniqueViolation } from "../../platform/unique-violation";
import { cannedTextNameTaken, checkCannedTextVariables } from "./canned-text-errors";

export type CannedTextInput = { name: string; body: string };

/** Adds a canned text (no personal data, so no audit); its variables are filled when an agent uses it. */
export async function createCannedText(
  deps: { db: Db },
  input: { principal: Principal; text: CannedTextInput },
) {
  checkCannedTextVariables(input.text.body);
  try {
    const [row] = await deps.db
      .insert(schema.cannedTexts)
      .values({ tenantId: input.principal.tenantId, name: input.text.name.trim(), body: input.text.body })
      .returning({ id: schema.cannedTexts.id, name: schema.cannedTexts.name, body: schema.cannedTexts.body });
    if (!row) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw cannedTextNameTaken(input.text.name.trim());
    throw error;
  }
}
