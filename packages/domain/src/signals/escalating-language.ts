import { stemDutch } from "../classifier/stemmer";
import { normalizeText } from "../classifier/tokenize";
import { dateNl, inboundContacts, unique } from "./facts";
import type { Signal, SignalRule } from "./types";

/**
 * A small Dutch lexicon of escalation: complaints, repetition ("al drie keer"), nobody helping, anger.
 * Each entry is a phrase; it is matched on stems (the classifier's stemmer), so "klachten", "klaag"
 * and "geklaagd" are not all needed. Stop words are kept here: "geen reactie" is not "reactie".
 */
export const ESCALATION_LEXICON: ReadonlyArray<{ phrase: string; category: string; weight: number }> = [
  ...[
    "klacht",
    "klaag",
    "klagen",
    "beklag",
    "ombudsman",
    "advocaat",
    "juridische stappen",
    "aansprakelijk",
    "de krant",
    "de media",
  ].map((phrase) => ({ phrase, category: "klacht", weight: 1 })),
  ...[
    "al twee keer",
    "al drie keer",
    "al vier keer",
    "al vijf keer",
    "al zo vaak",
    "voor de derde keer",
    "voor de vierde keer",
    "zoveel keer",
    "meerdere keren",
    "nu al weken",
    "al weken",
    "al maanden",
    "nog steeds",
    "nogmaals",
    "telkens",
    "steeds weer",
    "opnieuw gebeld",
    "weer gebeld",
  ].map((phrase) => ({ phrase, category: "herhaling", weight: 1 })),
  ...[
    "niemand helpt",
    "niemand belt",
    "niemand reageert",
    "niemand weet",
    "niet teruggebeld",
    "nooit teruggebeld",
    "niet gebeld",
    "geen reactie",
    "geen antwoord",
    "niets gehoord",
    "niks gehoord",
    "niets meer gehoord",
    "van het kastje naar de muur",
    "word niet geholpen",
    "niet geholpen",
    "wordt niets gedaan",
  ].map((phrase) => ({ phrase, category: "niemand-helpt", weight: 1.5 })),
  ...[
    "boos",
    "woedend",
    "kwaad",
    "schandalig",
    "belachelijk",
    "onacceptabel",
    "onaanvaardbaar",
    "onbeschoft",
    "respectloos",
    "frustrerend",
    "gefrustreerd",
    "teleurgesteld",
    "ben het zat",
    "spuugzat",
    "ben het beu",
    "waardeloos",
    "bespottelijk",
    "te gek voor woorden",
    "dit kan niet",
  ].map((phrase) => ({ phrase, category: "boosheid", weight: 2 })),
];

const DIGITS: Record<string, string> = { "2": "twee", "3": "drie", "4": "vier", "5": "vijf" };

/** Stems by word: residents repeat the same few thousand words, and stemming is most of this rule's work. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemWord(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const stem = stemDutch(DIGITS[word] ?? word);
  if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
  STEM_CACHE.set(word, stem);
  return stem;
}

/** Stems of every word, stop words included (lone 2–5 become words, so "al 3 keer" matches). */
export function stemsOf(text: string): string[] {
  return (normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []).map(stemWord);
}

type LexiconEntry = (typeof ESCALATION_LEXICON)[number] & { stems: string[]; order: number };

/** The lexicon by the stem each phrase starts with, so a text is read once instead of once per phrase. */
const LEXICON_BY_FIRST_STEM = new Map<string, LexiconEntry[]>();
ESCALATION_LEXICON.forEach((entry, order) => {
  const stems = stemsOf(entry.phrase);
  const first = stems[0] as string;
  const list = LEXICON_BY_FIRST_STEM.get(first) ?? [];
  list.push({ ...entry, stems, order });
  LEXICON_BY_FIRST_STEM.set(first, list);
});

/** The lexicon entries a text contains and their summed weight (each entry counted once, lexicon order). */
export function escalationIn(text: string): {
  score: number;
  matches: Array<{ phrase: string; category: string }>;
} {
  const stems = stemsOf(text);
  const found = new Map<number, LexiconEntry>();
  for (let i = 0; i < stems.length; i++) {
    const candidates = LEXICON_BY_FIRST_STEM.get(stems[i] as string);
    if (!candidates) continue;
    for (const entry of candidates) {
      if (found.has(entry.order) || i + entry.stems.length > stems.length) continue;
      let j = 1;
      while (j < entry.stems.length && stems[i + j] === entry.stems[j]) j++;
      if (j === entry.stems.length) found.set(entry.order, entry);
    }
  }
  const matches = [...found.values()].sort((a, b) => a.order - b.order);
  return {
    score: matches.reduce((sum, m) => sum + m.weight, 0),
    matches: matches.map(({ phrase, category }) => ({ phrase, category })),
  };
}

export type EscalatingLanguageParameters = { minScore: number };

/** Escalating language in the resident's own messages (or the notes of their calls) on a question. */
export const escalatingLanguageRule: SignalRule<EscalatingLanguageParameters> = {
  id: "escalating-language",
  version: 1,
  description:
    "Escalerende taal: berichten van de inwoner over een vraag bevatten klachten, herhaling ('al drie keer'), 'niemand helpt' of boosheid (score minstens {minScore}).",
  parameters: { minScore: 2 },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const byQuestion = new Map<string, Signal>();
    const contacts = inboundContacts(facts, now).sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
    );
    for (const contact of contacts) {
      const found = escalationIn(`${contact.subject ?? ""}\n${contact.text}`);
      if (found.score < p.minScore) continue;
      const existing = byQuestion.get(contact.questionId);
      if (existing) {
        existing.evidence.contactIds.push(contact.id);
        const words = existing.evidence.details.words as string[];
        existing.evidence.details.words = unique([...words, ...found.matches.map((m) => m.phrase)]);
        existing.evidence.details.maxScore = Math.max(
          existing.evidence.details.maxScore as number,
          found.score,
        );
        continue;
      }
      byQuestion.set(contact.questionId, {
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `question:${contact.questionId}`,
        at: contact.occurredAt,
        explanation: `Bericht van ${dateNl(contact.occurredAt)} over vraag ${contact.question.reference} bevat escalerende taal: ${found.matches.map((m) => `'${m.phrase}'`).join(", ")}.`,
        evidence: {
          questionIds: [contact.questionId],
          contactIds: [contact.id],
          taskIds: [],
          details: {
            words: found.matches.map((m) => m.phrase),
            categories: unique(found.matches.map((m) => m.category)),
            maxScore: found.score,
          },
        },
      });
    }
    return [...byQuestion.values()];
  },
};
