import { schema, type Tx } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors";

export const signalDecided = () =>
  new AppError(
    "signal-decided",
    "conflict",
    "Over dit signaal is al besloten (geaccepteerd of afgewezen); ververs de werklijst.",
  );

/** Locks a signal of the caller's municipality that is still open or snoozed; another is "not found". */
export async function loadOpenSignal(tx: Tx, tenantId: string, signalId: string) {
  const [signal] = await tx
    .select()
    .from(schema.signals)
    .where(and(eq(schema.signals.id, signalId), eq(schema.signals.tenantId, tenantId)))
    .for("update");
  if (!signal) throw notFound("Dit signaal");
  if (signal.status !== "open" && signal.status !== "snoozed") throw signalDecided();
  return signal;
}
