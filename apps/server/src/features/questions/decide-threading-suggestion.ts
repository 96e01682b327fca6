import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { AppError, notFound } from "../../platform/errors";
import { loadQuestionForChange } from "./load-question-for-change";
import { moveInteractionInTransaction } from "./move-interaction";

/**
 * A person decides on a link the system only suggested: accepting moves the contact into the suggested
 * question; rejecting records the decision. Either way the suggestion is closed.
 */
export async function decideThreadingSuggestion(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; suggestionId: string; decision: "accept" | "reject"; reason: string },
) {
  const { principal } = input;
  return deps.db.transaction(async (tx) => {
    const [suggestion] = await tx
      .select()
      .from(schema.threadingSuggestions)
      .where(
        and(
          eq(schema.threadingSuggestions.id, input.suggestionId),
          eq(schema.threadingSuggestions.tenantId, principal.tenantId),
        ),
      )
      .for("update");
    if (!suggestion) throw notFound("Deze suggestie");
    // The caller must be allowed to see the suggested question before it can be revealed or used.
    await loadQuestionForChange(tx, principal, suggestion.questionId);
    if (suggestion.status !== "open")
      throw new AppError("suggestion-decided", "conflict", "Over deze suggestie is al besloten.");
    const now = deps.clock();
    if (input.decision === "accept") {
      await moveInteractionInTransaction(tx, now, {
        principal,
        interactionId: suggestion.interactionId,
        targetQuestionId: suggestion.questionId,
        reason: `Suggestie geaccepteerd: ${input.reason}`,
      });
    } else {
      await recordAudit(tx, principal, now, {
        action: "threading-suggestion.reject",
        purpose: "contact-handling",
        partyIds: [],
        objectType: "threading-suggestion",
        objectIds: [suggestion.id],
        details: { reason: input.reason },
      });
    }
    await tx
      .update(schema.threadingSuggestions)
      .set({
        status: input.decision === "accept" ? "accepted" : "rejected",
        decidedByEmployeeId: principal.kind === "employee" ? principal.employeeId : null,
      })
      .where(eq(schema.threadingSuggestions.id, suggestion.id));
    return { suggestionId: suggestion.id, status: input.decision === "accept" ? "accepted" : "rejected" };
  });
}
