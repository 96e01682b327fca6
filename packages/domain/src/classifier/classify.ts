import { detectLanguage, type LanguageGuess } from "./language";
import { type Prediction, predict, type TopicModel } from "./model";

export type Classification = Prediction & { language: LanguageGuess; reason: "model" | "language" };

/**
 * Classifies a resident's text: the topic model is Dutch, so text detected as another language is
 * not forced onto it — the topic stays unknown and the language is returned for the caller to route
 * (e.g. to the general team, with the language shown). Text too short to tell a language is treated
 * as Dutch.
 */
export function classifyText(model: TopicModel, text: string): Classification {
  const language = detectLanguage(text);
  if (language.language !== "nl" && language.language !== "unknown") {
    return {
      topicId: null,
      confidence: 0,
      bestTopicId: null,
      alternatives: [],
      explanation: [],
      language,
      reason: "language",
    };
  }
  return { ...predict(model, text), language, reason: "model" };
}
