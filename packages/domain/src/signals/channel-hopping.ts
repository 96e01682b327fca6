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

export type ChannelHoppingParameters = { windowDays: number; minChannels: number };

/** Three or more channels for one question (or topic) within N days. */
export const channelHoppingRule: SignalRule<ChannelHoppingParameters> = {
  id: "channel-hopping",
  version: 1,
  description:
    "Kanaalhoppen: de inwoner probeerde binnen {windowDays} dagen minstens {minChannels} verschillende kanalen voor dezelfde vraag of hetzelfde onderwerp.",
  parameters: { windowDays: 30, minChannels: 3 },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const spanMs = p.windowDays * DAY_MS;
    const signals: Signal[] = [];
    for (const [groupKey, contacts] of groupByQuestionOrTopic(inboundContacts(facts, now))) {
      for (const chain of chains(contacts, time, spanMs)) {
        const found = firstWindowReaching(
          chain,
          time,
          spanMs,
          (w) => new Set(w.map((c) => c.channel)).size,
          p.minChannels,
        );
        if (!found) continue;
        const first = chain[0];
        if (!first) continue;
        const channels = unique(chain.map((c) => c.channel));
        const questions = unique(chain.map((c) => c.question));
        signals.push({
          ruleId: this.id,
          ruleVersion: this.version,
          partyId: facts.partyId,
          key: `${groupKey}:${first.id}`,
          at: found.reachedAt.occurredAt,
          explanation: `${channels.length} kanalen (${channels.join(", ")}) voor ${describeGroup(groupKey, questions)} sinds ${dateNl(first.occurredAt)}.`,
          evidence: {
            questionIds: questions.map((q) => q.id),
            contactIds: chain.map((c) => c.id),
            taskIds: [],
            details: { group: groupKey, channels },
          },
        });
      }
    }
    return signals;
  },
};
