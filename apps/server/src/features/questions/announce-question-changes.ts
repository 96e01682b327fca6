import type { Tx } from "@omniloket/db";
import { publishEvent } from "../../platform/events";

/** Tells live streams (and after-commit work) that these questions changed. */
export async function announceQuestionChanges(
  tx: Tx,
  tenantId: string,
  questions: ReadonlyArray<{ id: string; teamId: string | null }>,
  at: Date,
): Promise<void> {
  for (const question of questions) {
    await publishEvent(
      tx,
      { tenantId, type: "question.changed", questionId: question.id, teamId: question.teamId },
      at,
    );
  }
}
