import type { Database } from "@omniloket/db";
import { processPrincipal } from "../../platform/auth/principal";
import type { Logger } from "../../platform/log";
import { startTenantJobs } from "../../platform/tenant-jobs";
import { ROUTING_CHANNEL } from "./request-routing";
import { runRouting } from "./run-routing";

export type RoutingWorkerOptions = {
  /** Changes arriving within this window lead to one run per municipality. */
  settleMs?: number;
  /** A pass over every municipality this often, for what no event announces (time passing). */
  sweepMs?: number;
};

/** Live events after which waiting work or free capacity may have changed. */
const ROUTING_EVENTS = new Set(["interaction.created", "question.changed", "task.changed"]);

/**
 * Runs the routing engine without anyone pressing a button: after a contact arrives or a question
 * changes (the live events), after an employee becomes available (`requestRouting`), and on a slow
 * sweep. Runs for one municipality never overlap in this process, and `runRouting` takes an advisory
 * lock, so several server processes may each run a worker.
 */
export function startRoutingWorker(
  deps: { database: Database; clock: () => Date; log: Logger },
  options: RoutingWorkerOptions = {},
): { stop(): Promise<void>; ready: Promise<void> } {
  return startTenantJobs(
    deps,
    "routing",
    {
      events: ROUTING_EVENTS,
      requestChannels: [ROUTING_CHANNEL],
      settleMs: options.settleMs ?? 500,
      sweepMs: options.sweepMs ?? 30_000,
    },
    async (tenantId) => {
      const { assignments } = await runRouting(
        { db: deps.database.db, clock: deps.clock },
        { principal: processPrincipal(tenantId, "routing-worker") },
      );
      if (assignments.length > 0) deps.log.debug({ count: assignments.length }, "routing assigned questions");
    },
  );
}
