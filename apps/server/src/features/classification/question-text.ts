import { type Queryable, schema } from "@omniloket/db";
import { and, asc, eq } from "drizzle-orm";

/** The resident's own words on a question: subject and text of its first inbound contacts. */
export async function questionText(q: Queryable, tenantId: string, questionId: string): Promise<string> {
  const rows = await q
    .select({ subject: schema.interactions.subject, text: schema.interactions.text })
    .from(schema.interactions)
    .where(
      and(
        eq(schema.interactions.tenantId, tenantId),
        eq(schema.interactions.questionId, questionId),
        eq(schema.interactions.direction, "inbound"),
      ),
    )
    .orderBy(asc(schema.interactions.occurredAt))
    .limit(3);
  return rows
    .map((row) => [row.subject, row.text].filter(Boolean).join("\n"))
    .join("\n")
    .slice(0, 4000)
    .trim();
}
