import { contactBursts, dateNl, describeGroup, unique } from "./facts";
import type { Signal, SignalRule } from "./types";

export type RepeatContactParameters = { windowDays: number; minContacts: number };

/** Three or more contacts from the resident on the same question or topic within N days. */
export const repeatContactRule: SignalRule<RepeatContactParameters> = {
  id: "repeat-contact",
  version: 1,
  description:
    "Herhaald contact: de inwoner nam binnen {windowDays} dagen minstens {minContacts} keer contact op over dezelfde vraag of hetzelfde onderwerp.",
  parameters: { windowDays: 30, minContacts: 3 },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const signals: Signal[] = [];
    for (const burst of contactBursts(facts, now, p.windowDays, (w) => w.length, p.minContacts)) {
      const { groupKey, chain, first, questions } = burst;
      signals.push({
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `${groupKey}:${first.id}`,
        at: burst.reachedAt.occurredAt,
        explanation: `${chain.length} contacten over ${describeGroup(groupKey, questions)} sinds ${dateNl(first.occurredAt)}, waarvan ${burst.window.length} binnen ${p.windowDays} dagen.`,
        evidence: {
          questionIds: questions.map((q) => q.id),
          contactIds: chain.map((c) => c.id),
          taskIds: [],
          details: {
            group: groupKey,
            contacts: chain.length,
            channels: unique(chain.map((c) => c.channel)),
          },
        },
      });
    }
    return signals;
  },
};
