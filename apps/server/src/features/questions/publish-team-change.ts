import type { Tx } from "@omniloket/db";
import { publishEvent } from "../../platform/events";

/**
 * Tells the live streams of the question's old team and of its new team (once when they are the
 * same) that the question changed, so it leaves one queue and appears in the other.
 */
export async function publishTeamChange(
  tx: Tx,
  tenantId: string,
  question: { id: string; teamId: string | null },
  newTeamId: string | null,
  now: Date,
) {
  for (const teamId of new Set([question.teamId, newTeamId])) {
    await publishEvent(tx, { tenantId, type: "question.changed", questionId: question.id, teamId }, now);
  }
}
