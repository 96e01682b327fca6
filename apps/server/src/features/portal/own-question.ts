import { type Queryable, schema } from "@omniloket/db";
import { and, eq, isNull } from "drizzle-orm";
import type { PortalResident } from "./portal-session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a path or form can be a record's id at all (anything else is "not found"). */
export const isUuid = (value: string) => UUID.test(value);

export type QuestionRow = typeof schema.questions.$inferSelect;

/** One of the resident's own questions (not one of whom they represent: those are only to read). */
export async function loadOwnQuestion(
  q: Queryable,
  resident: PortalResident,
  questionId: string,
  forUpdate = false,
): Promise<QuestionRow | null> {
  if (!isUuid(questionId)) return null;
  const qs = schema.questions;
  const query = q
    .select()
    .from(qs)
    .where(
      and(
        eq(qs.id, questionId),
        eq(qs.tenantId, resident.tenantId),
        eq(qs.residentPartyId, resident.partyId),
        isNull(qs.mergedIntoId),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}
