import { contactBursts, dateNl, describeGroup, unique } from "./facts";
import type { Signal, SignalRule } from "./types";

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
    const signals: Signal[] = [];
    const channelCount = (w: ReadonlyArray<{ channel: string }>) => new Set(w.map((c) => c.channel)).size;
    for (const burst of contactBursts(facts, now, p.windowDays, channelCount, p.minChannels)) {
      const { groupKey, chain, first, questions } = burst;
      const channels = unique(chain.map((c) => c.channel));
      signals.push({
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `${groupKey}:${first.id}`,
        at: burst.reachedAt.occurredAt,
        explanation: `${channels.length} kanalen (${channels.join(", ")}) voor ${describeGroup(groupKey, questions)} sinds ${dateNl(first.occurredAt)}.`,
        evidence: {
          questionIds: questions.map((q) => q.id),
          contactIds: chain.map((c) => c.id),
          taskIds: [],
          details: { group: groupKey, channels },
        },
      });
    }
    return signals;
  },
};
