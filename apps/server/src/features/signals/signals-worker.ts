import { type Database, schema } from "@omniloket/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { EVENTS_CHANNEL } from "../../platform/events";
import type { Logger } from "../../platform/log";
import { evaluateResidentSignals } from "./evaluate-signals";
import { rescanSignals } from "./rescan-signals";

/**
 * Evaluates the signal rules for the resident of every new contact (the `interaction.created` live
 * event, after a settling time so a burst costs one pass), and rescans every municipality on a slow
 * schedule for the time-based rules (a promise that becomes overdue, silence that grows long).
 * Started by `omniloket start` unless OMNILOKET_SIGNALS_RESCAN_HOURS is 0.
 */
export function startSignalsWorker(
  deps: { database: Database; clock: () => Date; log: Logger },
  options: { settleMs?: number; sweepMs?: number } = {},
): { stop(): Promise<void>; ready: Promise<void> } {
  const settleMs = options.settleMs ?? 2_000;
  const sweepMs = options.sweepMs ?? 6 * 3_600_000;
  const pending = new Map<string, Set<string>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const db = deps.database.db;

  const flush = () => {
    timer = null;
    const work = [...pending];
    pending.clear();
    running = running.then(async () => {
      for (const [tenantId, interactionIds] of work) {
        if (stopped) return;
        try {
          const parties = new Set<string>();
          for (const interactionId of interactionIds) {
            const rows = await db
              .select({ partyId: schema.interactionParties.timelinePartyId })
              .from(schema.interactionParties)
              .where(
                and(
                  eq(schema.interactionParties.tenantId, tenantId),
                  eq(schema.interactionParties.interactionId, interactionId),
                  isNotNull(schema.interactionParties.timelinePartyId),
                ),
              );
            for (const row of rows) if (row.partyId) parties.add(row.partyId);
          }
          if (parties.size > 0)
            await evaluateResidentSignals({ db, clock: deps.clock }, { tenantId, partyIds: [...parties] });
        } catch (err) {
          deps.log.error({ err }, "signal evaluation failed");
        }
      }
    });
  };

  const onEvent = (payload: string) => {
    try {
      const event = JSON.parse(payload) as { tenantId?: unknown; type?: unknown; interactionId?: unknown };
      if (event.type !== "interaction.created" || typeof event.tenantId !== "string") return;
      if (typeof event.interactionId !== "string") return;
      const set = pending.get(event.tenantId) ?? new Set<string>();
      set.add(event.interactionId);
      pending.set(event.tenantId, set);
      if (!timer && !stopped) {
        timer = setTimeout(flush, settleMs);
        timer.unref();
      }
    } catch {
      // Not ours to judge; the live hub logs malformed events.
    }
  };

  const sweeper = setInterval(() => {
    running = running.then(async () => {
      try {
        const tenants = await db.select({ id: schema.tenants.id }).from(schema.tenants);
        for (const { id } of tenants)
          if (!stopped) await rescanSignals({ db, clock: deps.clock }, { tenantId: id });
      } catch (err) {
        deps.log.error({ err }, "signal rescan failed");
      }
    });
  }, sweepMs);
  sweeper.unref();

  const listening = deps.database.listen(EVENTS_CHANNEL, onEvent);
  return {
    ready: listening.then(() => undefined),
    async stop() {
      stopped = true;
      clearInterval(sweeper);
      if (timer) clearTimeout(timer);
      const unlisten = await listening.catch(() => null);
      await unlisten?.().catch(() => {});
      await running;
    },
  };
}
