import { type Db, schema } from "@omniloket/db";
import { asc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";

/** This municipality's canned texts, with their variables unfilled. */
export async function listCannedTexts(deps: { db: Db }, input: { principal: Principal }) {
  const items = await deps.db
    .select({ id: schema.cannedTexts.id, name: schema.cannedTexts.name, body: schema.cannedTexts.body })
    .from(schema.cannedTexts)
    .where(eq(schema.cannedTexts.tenantId, input.principal.tenantId))
    .orderBy(asc(schema.cannedTexts.name));
  return { items };
}
