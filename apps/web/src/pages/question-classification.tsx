import type { Question } from "../api";
import { useMessages } from "../i18n";
import { useTopicName } from "./question-topics";

const nl = {
  summary: "Hoe is het onderwerp bepaald?",
  set: (topic: string, percent: number) =>
    `Het systeem heeft het onderwerp ${topic} gekozen (zekerheid ${percent}%) en de vraag naar het team van dat onderwerp gestuurd.`,
  notSure: (best: string | null, percent: number) =>
    best
      ? `Het systeem was niet zeker genoeg (${percent}%; het dacht aan ${best}) en liet het onderwerp open.`
      : "Het systeem herkende te weinig woorden en liet het onderwerp open.",
  otherLanguage: (language: string) =>
    `Dit bericht is in een andere taal geschreven (${language}). Het systeem bepaalt dan geen onderwerp.`,
  words: "Woorden die de doorslag gaven",
  correct: "Klopt het niet? Kies het juiste onderwerp hierboven. Het systeem leert daarvan.",
};
const en: typeof nl = {
  summary: "How was the topic decided?",
  set: (topic, percent) =>
    `The system chose the topic ${topic} (confidence ${percent}%) and sent the question to that topic's team.`,
  notSure: (best, percent) =>
    best
      ? `The system was not sure enough (${percent}%; it thought of ${best}) and left the topic open.`
      : "The system recognised too few words and left the topic open.",
  otherLanguage: (language) =>
    `This message is written in another language (${language}). The system then sets no topic.`,
  words: "Words that decided it",
  correct: "Not right? Choose the right topic above. The system learns from it.",
};

/**
 * The classifier's decision on this question, when it made one: what it chose and why (the words that
 * weighed most), so the employee can judge it and correct it (which the classifier learns from).
 */
export function QuestionClassification({ question }: { question: Question }) {
  const m = useMessages({ nl, en });
  const topicName = useTopicName();
  const decision = question.classification;
  if (!decision) return null;
  const percent = Math.round(decision.confidence * 100);
  const best = decision.bestTopicId ? (topicName(decision.bestTopicId) ?? decision.bestTopicId) : null;
  const text =
    decision.reason === "language"
      ? m.otherLanguage(decision.language)
      : decision.topicId
        ? m.set(topicName(decision.topicId) ?? decision.topicId, percent)
        : m.notSure(best, percent);
  return (
    <details className="question-classification">
      <summary>{m.summary}</summary>
      <p className="utrecht-paragraph">{text}</p>
      {decision.words.length > 0 && (
        <>
          <p className="utrecht-paragraph">{m.words}:</p>
          <ul className="utrecht-unordered-list">
            {decision.words.map((w) => (
              <li key={w.word}>{w.word}</li>
            ))}
          </ul>
        </>
      )}
      <p className="utrecht-paragraph">{m.correct}</p>
    </details>
  );
}
