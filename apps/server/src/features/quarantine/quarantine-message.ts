import { schema } from "@omniloket/db";
import type { AppDeps } from "../../platform/deps";

export type QuarantineInput = {
  /** Null when the message could not be tied to a municipality (an unknown recipient). */
  tenantId: string | null;
  channel: string;
  /** A short code admins filter on, e.g. "no-sender", "unknown-recipient", "auto-reply". */
  reason: string;
  raw: Uint8Array;
  /** What admins see without opening the raw message; no message bodies. */
  summary: Record<string, unknown>;
};

/**
 * Keeps an inbound message that could not be ingested, with its reason, for admins to inspect or release.
 * The raw bytes go through the storage port first, so the row never points at a missing file.
 */
export async function quarantineMessage(
  deps: Pick<AppDeps, "database" | "files" | "clock">,
  input: QuarantineInput,
): Promise<{ id: string; rawSha256: string }> {
  const { sha256 } = await deps.files.put(input.raw);
  const [row] = await deps.database.db
    .insert(schema.quarantinedMessages)
    .values({
      tenantId: input.tenantId,
      channel: input.channel,
      reason: input.reason,
      rawSha256: sha256,
      summary: input.summary,
      receivedAt: deps.clock(),
    })
    .returning({ id: schema.quarantinedMessages.id });
  if (!row) throw new Error("quarantine insert returned nothing");
  return { id: row.id, rawSha256: sha256 };
}
