import { DAY_MS, type ResidentFacts, type SignalContact, type SignalQuestion } from "./types";

/** Items in time order, split where more than `gapMs` passes between one and the next. */
export function chains<T>(items: readonly T[], time: (item: T) => number, gapMs: number): T[][] {
  const sorted = [...items].sort((a, b) => time(a) - time(b));
  const result: T[][] = [];
  let current: T[] = [];
  for (const item of sorted) {
    const last = current[current.length - 1];
    if (last !== undefined && time(item) - time(last) > gapMs) {
      result.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * The first window of at most `spanMs` (starting at an item of the sorted chain) whose score reaches
 * `threshold`, extended with the rest of the chain; null when no window does.
 */
export function firstWindowReaching<T>(
  chain: readonly T[],
  time: (item: T) => number,
  spanMs: number,
  score: (window: readonly T[]) => number,
  threshold: number,
): { window: T[]; reachedAt: T } | null {
  for (let start = 0; start < chain.length; start++) {
    const from = time(chain[start] as T);
    for (let end = start; end < chain.length && time(chain[end] as T) - from <= spanMs; end++) {
      const window = chain.slice(start, end + 1);
      if (score(window) >= threshold) return { window, reachedAt: chain[end] as T };
    }
  }
  return null;
}

/** Inbound contacts up to `now`, with their question. */
export function inboundContacts(
  facts: ResidentFacts,
  now: Date,
): Array<SignalContact & { question: SignalQuestion }> {
  const questions = new Map(facts.questions.map((q) => [q.id, q]));
  const result: Array<SignalContact & { question: SignalQuestion }> = [];
  for (const contact of facts.contacts) {
    const question = questions.get(contact.questionId);
    if (contact.direction === "inbound" && question && contact.occurredAt.getTime() <= now.getTime())
      result.push({ ...contact, question });
  }
  return result;
}

/**
 * Groups inbound contacts "on the same question or topic": contacts of questions with the same topic
 * (recorded or predicted) go together; a question without a topic is a group of its own.
 */
export function groupByQuestionOrTopic(
  contacts: ReadonlyArray<SignalContact & { question: SignalQuestion }>,
): Map<string, Array<SignalContact & { question: SignalQuestion }>> {
  const groups = new Map<string, Array<SignalContact & { question: SignalQuestion }>>();
  for (const contact of contacts) {
    const key = contact.question.topicId
      ? `topic:${contact.question.topicId}`
      : `question:${contact.question.id}`;
    const group = groups.get(key);
    if (group) group.push(contact);
    else groups.set(key, [contact]);
  }
  return groups;
}

export const time = (c: { occurredAt: Date }) => c.occurredAt.getTime();

type InboundContact = SignalContact & { question: SignalQuestion };

/**
 * The resident's bursts of inbound contacts on one question or topic: chains with no gap longer than
 * `windowDays`, in which some window of `windowDays` reaches `minimum` by `score`. Shared by the
 * repeat-contact and channel-hopping rules, which differ only in what they count.
 */
export function* contactBursts(
  facts: ResidentFacts,
  now: Date,
  windowDays: number,
  score: (window: readonly InboundContact[]) => number,
  minimum: number,
): Generator<{
  groupKey: string;
  chain: InboundContact[];
  first: InboundContact;
  questions: SignalQuestion[];
  window: InboundContact[];
  reachedAt: InboundContact;
}> {
  const spanMs = windowDays * DAY_MS;
  for (const [groupKey, contacts] of groupByQuestionOrTopic(inboundContacts(facts, now))) {
    for (const chain of chains(contacts, time, spanMs)) {
      const found = firstWindowReaching(chain, time, spanMs, score, minimum);
      const first = chain[0];
      if (!found || !first) continue;
      yield { groupKey, chain, first, questions: unique(chain.map((c) => c.question)), ...found };
    }
  }
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function days(ms: number): number {
  return Math.round((ms / DAY_MS) * 10) / 10;
}

const DATE_NL = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/** "3 december 2026": one formatter for every explanation (creating one per call was a hot spot). */
export function dateNl(at: Date): string {
  return DATE_NL.format(at);
}

export function describeGroup(key: string, questions: readonly SignalQuestion[]): string {
  if (key.startsWith("topic:")) return `onderwerp ${key.slice(6)}`;
  return `vraag ${questions[0]?.reference ?? key.slice(9)}`;
}
