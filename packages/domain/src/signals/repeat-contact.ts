import {
  chains,
  dateNl,
  describeGroup,
  firstWindowReaching,
  groupByQuestionOrTopic,
  inboundContacts,
  time,
  unique,
} from "./facts";
import { DAY_MS, type Signal, type SignalRule } from "./types";

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
    const spanMs = p.windowDays * DAY_MS;
    const signals: Signal[] = [];
    for (const [groupKey, contacts] of groupByQuestionOrTopic(inboundContacts(facts, now))) {
      for (const chain of chains(contacts, time, spanMs)) {
        const found = firstWindowReaching(chain, time, spanMs, (w) => w.length, p.minContacts);
        if (!found) continue;
        const first = chain[0];
        if (!first) continue;
        const questions = unique(chain.map((c) => c.question));
        signals.push({
          ruleId: this.id,
          ruleVersion: this.version,
          partyId: facts.partyId,
          key: `${groupKey}:${first.id}`,
          at: found.reachedAt.occurredAt,
          explanation: `${chain.length} contacten over ${describeGroup(groupKey, questions)} sinds ${dateNl(first.occurredAt)}, waarvan ${found.window.length} binnen ${p.windowDays} dagen.`,
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
    }
    return signals;
  },
};
