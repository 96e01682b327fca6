import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import { tenantTopicModel } from "../classification";
import {
  type EvaluationInputs,
  emptyCounts,
  loadEvaluationInputs,
  type SignalCounts,
  storeEvaluation,
} from "./evaluate-signals";

/**
 * Evaluates every rule for every resident of a municipality who has a timeline, in batches (keyset on
 * the party id), reporting progress after each batch. Safe to run again: the store is idempotent.
 *
 * While the rules run over one batch, the database already reads the next one and still writes the
 * findings of the previous one: reading, evaluating and writing overlap instead of taking turns.
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
  const { tenantId, lookbackDays } = input;
  const { model } = await tenantTopicModel(deps.db, tenantId);
  const counts = emptyCounts();

  const nextBatch = async (after: string): Promise<string[]> => {
    const rows = await deps.db
      .selectDistinct({ partyId: schema.interactionParties.timelinePartyId })
      .from(schema.interactionParties)
      .where(
        and(
          eq(schema.interactionParties.tenantId, tenantId),
          isNotNull(schema.interactionParties.timelinePartyId),
          gt(schema.interactionParties.timelinePartyId, after),
        ),
      )
      .orderBy(asc(schema.interactionParties.timelinePartyId))
      .limit(batchSize);
    return rows.map((r) => r.partyId as string);
  };
  const read = (partyIds: string[]): Promise<EvaluationInputs> | null => {
    if (partyIds.length === 0) return null;
    const reading = loadEvaluationInputs(deps, { tenantId, partyIds, lookbackDays });
    // Awaited below; this only keeps a failure while the previous batch is evaluated from counting
    // as unhandled.
    reading.catch(() => {});
    return reading;
  };

  let reading = read(await nextBatch("00000000-0000-0000-0000-000000000000"));
  let writing: Promise<void> | null = null;
  let done = 0;
  while (reading) {
    const current = await reading;
    reading = read(await nextBatch(current.partyIds[current.partyIds.length - 1] as string));
    // The rules run now; the batch's write goes on while the next batch is evaluated (its residents
    // differ, so the two never touch the same rows).
    const stored = storeEvaluation(deps, { tenantId, ...current, model, counts }).then(() => {
      done += current.partyIds.length;
      input.onProgress?.(done, counts);
    });
    stored.catch(() => {});
    if (writing) await writing;
    writing = stored;
  }
  if (writing) await writing;
  return counts;
}
