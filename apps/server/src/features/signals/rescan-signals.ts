import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import { tenantTopicModel } from "../classification";
import { emptyCounts, evaluateResidentSignals, type SignalCounts } from "./evaluate-signals";

/**
 * Evaluates every rule for every resident of a municipality who has a timeline, in batches (keyset on
 * the party id), reporting progress after each batch. Safe to run again: the store is idempotent.
 */
export async function rescanSignals(
  deps: { db: Db; clock: () => Date },
  input: {
    tenantId: string;
    batchSize?: number;
    lookbackDays?: number;
    onProgress?(done: number, counts: SignalCounts): void;
  },
): Promise<SignalCounts> {
  const batchSize = input.batchSize ?? 250;
  const { model } = await tenantTopicModel(deps.db, input.tenantId);
  const counts = emptyCounts();
  let after = "00000000-0000-0000-0000-000000000000";
  let done = 0;
  for (;;) {
    const rows = await deps.db
      .selectDistinct({ partyId: schema.interactionParties.timelinePartyId })
      .from(schema.interactionParties)
      .where(
        and(
          eq(schema.interactionParties.tenantId, input.tenantId),
          isNotNull(schema.interactionParties.timelinePartyId),
          gt(schema.interactionParties.timelinePartyId, after),
        ),
      )
      .orderBy(asc(schema.interactionParties.timelinePartyId))
      .limit(batchSize);
    const partyIds = rows.map((r) => r.partyId as string);
    if (partyIds.length === 0) break;
    await evaluateResidentSignals(deps, {
      tenantId: input.tenantId,
      partyIds,
      model,
      lookbackDays: input.lookbackDays,
      counts,
    });
    done += partyIds.length;
    input.onProgress?.(done, counts);
    after = partyIds[partyIds.length - 1] as string;
  }
  return counts;
}
