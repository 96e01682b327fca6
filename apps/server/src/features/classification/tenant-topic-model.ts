import { type Queryable, schema } from "@omniloket/db";
import { shippedTopicExamples, type TopicModel, type TrainingExample, train } from "@omniloket/domain";
import { asc, count, eq, max } from "drizzle-orm";

/**
 * The municipality's topic model: trained on the shipped set plus that municipality's corrections.
 *
 * Kept in memory per process, not stored: training takes a fraction of a second (one pass of naive
 * Bayes), the model is a pure function of the examples, so every process that trains it gets the
 * same model, and a stored copy would only be one more thing to keep in step. The cache is keyed on
 * the number and the latest time of the municipality's corrections, so a correction anywhere
 * (in any process) leads to a retrained model on the next use.
 */
const cache = new Map<string, { key: string; model: TopicModel }>();

export async function correctionExamples(q: Queryable, tenantId: string): Promise<TrainingExample[]> {
  return q
    .select({ text: schema.classifierExamples.text, topicId: schema.classifierExamples.topicId })
    .from(schema.classifierExamples)
    .where(eq(schema.classifierExamples.tenantId, tenantId))
    .orderBy(asc(schema.classifierExamples.createdAt), asc(schema.classifierExamples.id));
}

export async function tenantTopicModel(
  q: Queryable,
  tenantId: string,
): Promise<{ model: TopicModel; corrections: number }> {
  const [state] = await q
    .select({ n: count(), latest: max(schema.classifierExamples.createdAt) })
    .from(schema.classifierExamples)
    .where(eq(schema.classifierExamples.tenantId, tenantId));
  return topicModelAt(q, tenantId, { n: Number(state?.n ?? 0), latest: state?.latest ?? null });
}

/**
 * The model for a known state of the municipality's corrections (their number and latest time), for a
 * caller that read that state along with other things: from the cache, or retrained when it changed.
 */
export async function topicModelAt(
  q: Queryable,
  tenantId: string,
  state: { n: number; latest: Date | string | null },
): Promise<{ model: TopicModel; corrections: number }> {
  const corrections = Number(state.n);
  const key = `${corrections}:${state.latest ? new Date(state.latest).toISOString() : ""}`;
  const cached = cache.get(tenantId);
  if (cached && cached.key === key) return { model: cached.model, corrections };
  const model = retrainTopicModel(await correctionExamples(q, tenantId));
  cache.set(tenantId, { key, model });
  return { model, corrections };
}

/** Shipped examples plus corrections; a correction weighs twice, as it is this municipality's own. */
export function retrainTopicModel(corrections: readonly TrainingExample[]): TopicModel {
  return train([...shippedTopicExamples, ...corrections, ...corrections]);
}
