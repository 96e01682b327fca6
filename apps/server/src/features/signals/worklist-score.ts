const DAY_MS = 86_400_000;

/**
 * The worklist's ranking, kept simple enough to explain to a resident: each signal scores its rule's
 * weight times its recency, and a resident's score is the sum of their signals' scores. Recency halves
 * every RECENCY_HALF_LIFE_DAYS after the signal's condition was first met. The weights say how urgent
 * a rule's finding usually is: a broken promise or escalating language first, a need cluster (an offer,
 * not a problem) last. The parts are returned with every score so the workspace can show why.
 */
export const RULE_WEIGHTS: Readonly<Record<string, number>> = {
  "broken-promise": 5,
  "escalating-language": 4,
  "repeat-contact": 3,
  reopened: 3,
  "ping-pong": 3,
  "channel-hopping": 2,
  "long-silence": 2,
  "need-cluster": 2,
};
export const DEFAULT_RULE_WEIGHT = 1;
export const RECENCY_HALF_LIFE_DAYS = 30;

export type ScoreParts = {
  /** The rule's weight (RULE_WEIGHTS). */
  weight: number;
  /** Whole days since the signal's condition was first met. */
  ageDays: number;
  /** 0.5 ^ (ageDays / RECENCY_HALF_LIFE_DAYS), rounded to two decimals. */
  recency: number;
  /** weight × recency, rounded to two decimals. */
  points: number;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreSignal(ruleId: string, detectedAt: Date, now: Date): ScoreParts {
  const weight = RULE_WEIGHTS[ruleId] ?? DEFAULT_RULE_WEIGHT;
  const ageDays = Math.max(0, Math.floor((now.getTime() - detectedAt.getTime()) / DAY_MS));
  const recency = round2(0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS));
  return { weight, ageDays, recency, points: round2(weight * recency) };
}

/** A resident's score: the sum of their signals' points. */
export function residentScore(parts: readonly ScoreParts[]): number {
  return round2(parts.reduce((sum, p) => sum + p.points, 0));
}
