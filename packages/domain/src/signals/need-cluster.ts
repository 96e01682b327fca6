import { defaultTopics, type Need } from "../topics/topics";
import { chains, dateNl, firstWindowReaching, unique } from "./facts";
import { DAY_MS, type Signal, type SignalQuestion, type SignalRule } from "./types";

export type NeedClusterParameters = { windowDays: number; minTopics: number; needs: readonly Need[] };

/**
 * Need clusters: questions on at least three distinct topics of one need in the topic list within 90
 * days, which may point at the life situation behind them (a move, job loss, money worries).
 */
export const needClusterRule: SignalRule<NeedClusterParameters> = {
  id: "need-cluster",
  version: 1,
  description:
    "Vraag achter de vraag: binnen {windowDays} dagen vragen over minstens {minTopics} verschillende onderwerpen die bij één levenssituatie uit de onderwerpenlijst horen.",
  parameters: { windowDays: 90, minTopics: 3, needs: defaultTopics.needs },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const spanMs = p.windowDays * DAY_MS;
    const signals: Signal[] = [];
    const opened = (q: SignalQuestion) => q.openedAt.getTime();
    const known = facts.questions.filter((q) => q.topicId !== null && q.openedAt.getTime() <= now.getTime());
    for (const need of p.needs) {
      const mine = known.filter((q) => need.topics.includes(q.topicId as string));
      for (const chain of chains(mine, opened, spanMs)) {
        const distinct = (w: readonly SignalQuestion[]) => new Set(w.map((q) => q.topicId)).size;
        const found = firstWindowReaching(chain, opened, spanMs, distinct, p.minTopics);
        const first = chain[0];
        if (!found || !first) continue;
        const topics = unique(found.window.map((q) => q.topicId as string));
        signals.push({
          ruleId: this.id,
          ruleVersion: this.version,
          partyId: facts.partyId,
          key: `need:${need.id}:${first.id}`,
          at: found.reachedAt.openedAt,
          explanation: `Sinds ${dateNl(first.openedAt)} vragen over ${topics.join(", ")}: dat past bij '${need.nl}'.`,
          evidence: {
            questionIds: chain.map((q) => q.id),
            contactIds: [],
            taskIds: [],
            details: {
              needId: need.id,
              topics: unique(chain.map((q) => q.topicId as string)),
              predictedTopics: chain.filter((q) => q.topicSource === "predicted").map((q) => q.id),
            },
          },
        });
      }
    }
    return signals;
  },
};
