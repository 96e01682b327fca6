import { type Database, schema } from "@omniloket/db";
import { processPrincipal } from "../../platform/auth/principal";
import { EVENTS_CHANNEL } from "../../platform/events";
import type { Logger } from "../../platform/log";
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
  const settleMs = options.settleMs ?? 500;
  const sweepMs = options.sweepMs ?? 30_000;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let stopped = false;

  const run = (tenantId: string) => {
    if (stopped) return;
    if (running.has(tenantId)) {
      again.add(tenantId);
      return;
    }
    const pass = runRouting(
      { db: deps.database.db, clock: deps.clock },
      { principal: processPrincipal(tenantId, "routing-worker") },
    )
      .then(({ assignments }) => {
        if (assignments.length > 0)
          deps.log.debug({ count: assignments.length }, "routing assigned questions");
      })
      .catch((err) => deps.log.error({ err }, "routing run failed"))
      .finally(() => {
        running.delete(tenantId);
        if (again.delete(tenantId)) schedule(tenantId);
      });
    running.set(tenantId, pass);
  };

  const schedule = (tenantId: string) => {
    if (stopped || pending.has(tenantId)) return;
    const timer = setTimeout(() => {
      pending.delete(tenantId);
      run(tenantId);
    }, settleMs);
    timer.unref();
    pending.set(tenantId, timer);
  };

  const onEvent = (payload: string) => {
    try {
      const event = JSON.parse(payload) as { tenantId?: unknown; type?: unknown };
      if (typeof event.tenantId === "string" && ROUTING_EVENTS.has(String(event.type)))
        schedule(event.tenantId);
    } catch {
      // Not ours to judge; the live hub logs malformed events.
    }
  };
  const onRequest = (tenantId: string) => {
    if (/^[0-9a-f-]{36}$/.test(tenantId)) schedule(tenantId);
  };

  const sweep = async () => {
    const tenants = await deps.database.db.select({ id: schema.tenants.id }).from(schema.tenants);
    for (const { id } of tenants) schedule(id);
  };
  const sweeper = setInterval(
    () => void sweep().catch((err) => deps.log.error({ err }, "routing sweep failed")),
    sweepMs,
  );
  sweeper.unref();

  const listening = Promise.all([
    deps.database.listen(EVENTS_CHANNEL, onEvent),
    deps.database.listen(ROUTING_CHANNEL, onRequest),
  ]);
  const ready = listening.then(() => undefined);

  return {
    ready,
    async stop() {
      stopped = true;
      clearInterval(sweeper);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      const unlisten = await listening.catch(() => []);
      await Promise.all(unlisten.map((u) => u().catch(() => {})));
      await Promise.all(running.values());
    },
  };
}
