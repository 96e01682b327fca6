import { DETECTED_LANGUAGES, detectLanguage, type Language } from "./language";
import { predict, type TopicModel, type TrainingExample, train } from "./model";
import { languageExamples, shippedTopicExamples, splitExamples } from "./training";

export type TopicScore = { topicId: string; precision: number; recall: number; f1: number; support: number };

export type Evaluation = {
  trainingSize: number;
  heldOutSize: number;
  perTopic: TopicScore[];
  macroF1: number;
  accuracy: number;
  /** held-out examples the model would not decide (below its confidence threshold) */
  unknownShare: number;
  /** accuracy among the held-out examples the model did decide (at or above its threshold) */
  decidedAccuracy: number;
  confusions: Array<{ actual: string; predicted: string; count: number }>;
  languages: Array<{ language: Language; correct: number; total: number; accuracy: number }>;
};

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Precision, recall and F1 per topic on held-out examples. A prediction is its best topic, whatever
 * the confidence (the threshold is a routing choice, not part of the model's quality); how many
 * would have been "unknown" is reported beside it.
 */
export function scoreModel(model: TopicModel, heldOut: readonly TrainingExample[]) {
  const topics = [...new Set([...model.topics, ...heldOut.map((e) => e.topicId)])].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const pairs = new Map<string, number>();
  let correct = 0;
  let unknown = 0;
  let decidedCorrect = 0;
  for (const example of heldOut) {
    const prediction = predict(model, example.text);
    const predicted = prediction.bestTopicId ?? "(geen)";
    if (prediction.topicId === null) unknown++;
    else if (prediction.topicId === example.topicId) decidedCorrect++;
    if (predicted === example.topicId) {
      correct++;
      tp.set(predicted, (tp.get(predicted) ?? 0) + 1);
    } else {
      fp.set(predicted, (fp.get(predicted) ?? 0) + 1);
      fn.set(example.topicId, (fn.get(example.topicId) ?? 0) + 1);
      const key = `${example.topicId}\u0000${predicted}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const perTopic: TopicScore[] = topics.map((topicId) => {
    const t = tp.get(topicId) ?? 0;
    const p = t + (fp.get(topicId) ?? 0);
    const s = t + (fn.get(topicId) ?? 0);
    const precision = p === 0 ? 0 : t / p;
    const recall = s === 0 ? 0 : t / s;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { topicId, precision: r3(precision), recall: r3(recall), f1: r3(f1), support: s };
  });
  const scored = perTopic.filter((t) => t.support > 0);
  const macroF1 = scored.reduce((sum, t) => sum + t.f1, 0) / (scored.length || 1);
  const confusions = [...pairs]
    .map(([key, count]) => {
      const [actual = "", predicted = ""] = key.split("\u0000");
      return { actual, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual));
  return {
    perTopic,
    macroF1: r3(macroF1),
    accuracy: r3(correct / (heldOut.length || 1)),
    unknownShare: r3(unknown / (heldOut.length || 1)),
    decidedAccuracy: r3(decidedCorrect / (heldOut.length - unknown || 1)),
    confusions,
  };
}

export function evaluateLanguageDetection(examples = languageExamples) {
  return DETECTED_LANGUAGES.map((language) => {
    const mine = examples.filter((e) => e.language === language);
    const correct = mine.filter((e) => detectLanguage(e.text).language === language).length;
    return { language, correct, total: mine.length, accuracy: r3(correct / (mine.length || 1)) };
  });
}

/** Trains on the seeded training split of the shipped set and scores the held-out split. */
export function evaluateShippedClassifier(
  options: { seed?: number; heldOutShare?: number } = {},
): Evaluation {
  const { training, heldOut } = splitExamples(shippedTopicExamples, options);
  const model = train(training);
  return {
    trainingSize: training.length,
    heldOutSize: heldOut.length,
    ...scoreModel(model, heldOut),
    languages: evaluateLanguageDetection(),
  };
}
