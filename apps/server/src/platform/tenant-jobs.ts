import type { Database } from "@omniloket/db";
import { schema } from "@omniloket/db";
import { EVENTS_CHANNEL } from "./events";
import type { Logger } from "./log";

export type TenantJobOptions = {
  /** Live event types (see platform/events.ts) after which the job should run for that municipality. */
  events: ReadonlySet<string>;
  /** More NOTIFY channels whose payload is a tenant id (e.g. an employee who became available). */
  requestChannels?: readonly string[];
  /** Changes arriving within this window lead to one run per municipality. */
  settleMs: number;
  /** A pass over every municipality this often, for what no event announces (time passing); 0 = none. */
  sweepMs: number;
};

export type TenantJobs = { ready: Promise<void>; stop(): Promise<void> };

/**
 * Runs `job(tenantId)` in the background after live events of the given types (settled, so a burst
 * leads to one run), on request, and on a slow sweep. Runs for one municipality never overlap in this
 * process; a run asked for while one is busy runs once more afterwards. Used by the routing and the
 * classification workers.
 */
export function startTenantJobs(
  deps: { database: Database; log: Logger },
  name: string,
  options: TenantJobOptions,
  job: (tenantId: string) => Promise<void>,
): TenantJobs {
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
    const pass = job(tenantId)
      .catch((err) => deps.log.error({ err }, `${name} run failed`))
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
    }, options.settleMs);
    timer.unref();
    pending.set(tenantId, timer);
  };

  const onEvent = (payload: string) => {
    try {
      const event = JSON.parse(payload) as { tenantId?: unknown; type?: unknown };
      if (typeof event.tenantId === "string" && options.events.has(String(event.type)))
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
  const sweeper =
    options.sweepMs > 0
      ? setInterval(
          () => void sweep().catch((err) => deps.log.error({ err }, `${name} sweep failed`)),
          options.sweepMs,
        )
      : null;
  sweeper?.unref();

  const listening = Promise.all([
    deps.database.listen(EVENTS_CHANNEL, onEvent),
    ...(options.requestChannels ?? []).map((channel) => deps.database.listen(channel, onRequest)),
  ]);

  return {
    ready: listening.then(() => undefined),
    async stop() {
      stopped = true;
      if (sweeper) clearInterval(sweeper);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      const unlisten = await listening.catch(() => []);
      await Promise.all(unlisten.map((u) => u().catch(() => {})));
      await Promise.all(running.values());
    },
  };
}
