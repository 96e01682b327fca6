export const DEFAULT_SUGGESTION_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;

/** A question reference found in the message, with the parties allowed to act on that question. */
export type QuotedReference = {
  questionId: string;
  /** The question's resident and their representatives. */
  residentPartyIds: readonly string[];
};

export type ThreadingInput = {
  /** In the order they were found in the message; the first that may thread wins. */
  quotedReferences: readonly QuotedReference[];
  senderPartyId: string | null;
  /** A question matched by a technical thread key, such as an email's In-Reply-To header. */
  threadKeyQuestionId: string | null;
  /** A question chosen by staff or given by the channel (a portal form on an open question). */
  explicitQuestionId: string | null;
  openQuestionsSameTopic: ReadonlyArray<{ questionId: string; lastActivityAt: Date }>;
  now: Date;
  suggestionWindowDays?: number;
};

export type ThreadingSuggestion = {
  questionId: string;
  reason: "reference-from-other-party" | "same-topic-open-question";
};

export type ThreadingDecision =
  | { kind: "existing"; questionId: string; reason: "explicit" | "reference" | "thread-key" }
  | { kind: "new"; suggestions: ThreadingSuggestion[] };

/**
 * Decides whether an incoming contact continues an existing question (DESIGN §3 and §5).
 *
 * In order: an explicit choice wins; then a quoted reference, but only when the sender is that
 * question's resident or representative; then a thread key. Otherwise the contact starts a new
 * question, with suggestions for staff: references quoted by someone else (a reference is easy to
 * read aloud or copy, so it proves nothing about the sender, and following it would show the
 * sender another person's question) and open questions on the same topic with recent activity.
 * Suggestions are never applied automatically.
 */
export function decideThreading(input: ThreadingInput): ThreadingDecision {
  if (input.explicitQuestionId !== null) {
    return { kind: "existing", questionId: input.explicitQuestionId, reason: "explicit" };
  }
  const sender = input.senderPartyId;
  const ownReference = input.quotedReferences.find(
    (reference) => sender !== null && reference.residentPartyIds.includes(sender),
  );
  if (ownReference) return { kind: "existing", questionId: ownReference.questionId, reason: "reference" };
  if (input.threadKeyQuestionId !== null) {
    return { kind: "existing", questionId: input.threadKeyQuestionId, reason: "thread-key" };
  }
  return { kind: "new", suggestions: suggestionsFor(input) };
}

function suggestionsFor(input: ThreadingInput): ThreadingSuggestion[] {
  const suggestions: ThreadingSuggestion[] = [];
  const seen = new Set<string>();
  const suggest = (questionId: string, reason: ThreadingSuggestion["reason"]) => {
    if (seen.has(questionId)) return;
    seen.add(questionId);
    suggestions.push({ questionId, reason });
  };
  for (const reference of input.quotedReferences) suggest(reference.questionId, "reference-from-other-party");
  for (const question of recentOpenQuestions(input)) suggest(question.questionId, "same-topic-open-question");
  return suggestions;
}

/** Open questions on the same topic active within the window, most recent first. */
function recentOpenQuestions(input: ThreadingInput): ThreadingInput["openQuestionsSameTopic"] {
  const windowDays = input.suggestionWindowDays ?? DEFAULT_SUGGESTION_WINDOW_DAYS;
  const oldestMs = input.now.getTime() - windowDays * DAY_MS;
  return input.openQuestionsSameTopic
    .filter((question) => question.lastActivityAt.getTime() >= oldestMs)
    .toSorted(
      (a, b) =>
        b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || compareStrings(a.questionId, b.questionId),
    );
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
