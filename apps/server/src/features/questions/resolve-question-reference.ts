import { schema, type Tx } from "@omniloket/db";
import { parseQuestionReference } from "@omniloket/domain";
import { and, eq } from "drizzle-orm";
import { invalidInput, notFound } from "../../platform/errors";

/**
 * The question a person means by a reference they typed or read out ("v 7k3m 9qx"). A reference that
 * does not exist is "not found", as is one the caller may not see (checked when the question is loaded).
 */
export async function resolveQuestionReference(tx: Tx, tenantId: string, text: string): Promise<string> {
  const parsed = parseQuestionReference(text);
  if (!parsed.ok) {
    throw invalidInput(
      [
        {
          name: "targetReference",
          code: parsed.problem,
          reason: "Dit is geen geldig vraagkenmerk. Een kenmerk begint met V, zoals V-7K3-M9Q.",
        },
      ],
      "Controleer het kenmerk van de vraag.",
    );
  }
  const [question] = await tx
    .select({ id: schema.questions.id })
    .from(schema.questions)
    .where(
      and(eq(schema.questions.reference, parsed.value.reference), eq(schema.questions.tenantId, tenantId)),
    );
  if (!question) throw notFound("Deze vraag");
  return question.id;
}
