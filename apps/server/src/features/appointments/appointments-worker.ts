import { type Database, type Queryable, schema } from "@omniloket/db";
import { sql } from "drizzle-orm";
import type { Logger } from "../../platform/log";
import { startTenantJobs } from "../../platform/tenant-jobs";
import { generateSlots } from "./generate-slots";
import { sendAppointmentReminders } from "./send-appointment-reminders";

/** NOTIFY channel whose payload is a tenant id: run the appointments job for it now (e.g. a new counter). */
export const APPOINTMENTS_CHANNEL = "omniloket_appointments";

/** Asks the appointments workers (after the caller's commit) to run for this municipality soon. */
export async function requestAppointmentsRun(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`SELECT pg_notify(${APPOINTMENTS_CHANNEL}, ${tenantId})`);
}

/**
 * Per municipality, on a sweep (time passing is what matters here, no live event announces it) and on
 * request: the counters' slots are generated from their weekly patterns for the weeks ahead, and the
 * reminders of tomorrow's appointments are sent. Runs through the shared per-municipality job runner, so
 * runs for one municipality never overlap in a process; reminders are claimed with SKIP LOCKED across
 * processes. Every municipality gets one run right after start.
 */
export function startAppointmentsWorker(
  deps: { database: Database; clock: () => Date; log: Logger },
  options: { sweepMs: number; settleMs?: number },
): { stop(): Promise<void>; ready: Promise<void> } {
  const db = deps.database.db;
  const jobs = startTenantJobs(
    deps,
    "appointments",
    {
      events: new Set<string>(),
      requestChannels: [APPOINTMENTS_CHANNEL],
      settleMs: options.settleMs ?? 1_000,
      sweepMs: options.sweepMs,
    },
    async (tenantId) => {
      const slots = await generateSlots({ db }, { tenantId, now: deps.clock() });
      const reminders = await sendAppointmentReminders({ db, clock: deps.clock }, { tenantId });
      if (slots.created > 0 || reminders.reminded > 0)
        deps.log.debug({ ...slots, ...reminders }, "appointments: slots generated and reminders sent");
    },
  );
  const ready = jobs.ready.then(async () => {
    const tenants = await db.select({ id: schema.tenants.id }).from(schema.tenants);
    for (const { id } of tenants) await requestAppointmentsRun(db, id);
  });
  return { ready, stop: () => jobs.stop() };
}
