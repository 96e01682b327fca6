import type { Language } from "./language";
import type { TrainingExample } from "./model";
import languageData from "./training/language-examples.json" with { type: "json" };
import topicData from "./training/topic-examples.json" with { type: "json" };

export type Register = "brief" | "app" | "notitie" | "formulier";

export type ShippedExample = TrainingExample & { register: Register };

/** The training set that ships with Omniloket: every default topic, in four registers. */
export const shippedTopicExamples: readonly ShippedExample[] = topicData.examples as ShippedExample[];

/** Messages in Dutch, English, Polish, Turkish and Arabic, for the language detector. */
export const languageExamples: readonly { language: Language; text: string }[] = languageData.examples as {
  language: Language;
  text: string;
}[];

/** mulberry32: a small seeded generator, so a split is the same on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stratified, seeded split: within each topic the examples are shuffled with the seed and the
 * first `heldOutShare` of them are held out, so every topic is in both parts and the figures are
 * reproducible.
 */
export function splitExamples<T extends TrainingExample>(
  examples: readonly T[],
  options: { seed?: number; heldOutShare?: number } = {},
): { training: T[]; heldOut: T[] } {
  const random = seededRandom(options.seed ?? 7);
  const share = options.heldOutShare ?? 0.25;
  const byTopic = new Map<string, T[]>();
  for (const example of examples) {
    const list = byTopic.get(example.topicId) ?? [];
    list.push(example);
    byTopic.set(example.topicId, list);
  }
  const training: T[] = [];
  const heldOut: T[] = [];
  for (const topicId of [...byTopic.keys()].sort()) {
    const list = [...(byTopic.get(topicId) ?? [])];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    const cut = Math.round(list.length * share);
    heldOut.push(...list.slice(0, cut));
    training.push(...list.slice(cut));
  }
  return { training, heldOut };
}
