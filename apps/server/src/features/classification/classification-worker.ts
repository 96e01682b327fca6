import type { Database } from "@omniloket/db";
import type { Logger } from "../../platform/log";
import { startTenantJobs } from "../../platform/tenant-jobs";
import { classifyUnknownQuestions } from "./classify-unknown-questions";

/**
 * Sets the topic of new questions whose topic is unknown, shortly after their first contact arrives
 * (settled per municipality, so a burst is one pass), and re-routes them; each decision is recorded with
 * the words that drove it (classifyUnknownQuestions). A question it looked at once is not looked at again.
 */
export function startClassificationWorker(
  deps: { database: Database; clock: () => Date; log: Logger },
  options: { settleMs?: number; batch?: number } = {},
): { stop(): Promise<void>; ready: Promise<void> } {
  return startTenantJobs(
    deps,
    "classification",
    { events: new Set(["interaction.created"]), settleMs: options.settleMs ?? 2_000, sweepMs: 0 },
    async (tenantId) => {
      const result = await classifyUnknownQuestions(
        { db: deps.database.db, clock: deps.clock },
        { tenantId, limit: options.batch ?? 200 },
      );
      if (result.examined > 0) deps.log.debug(result, "classified questions with an unknown topic");
    },
  );
}
