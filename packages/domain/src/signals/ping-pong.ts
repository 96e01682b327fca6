import { chains, dateNl } from "./facts";
import { DAY_MS, type Signal, type SignalRule } from "./types";

export type PingPongParameters = { windowDays: number; minTransfers: number };

/**
 * Ping-pong: one question moved between teams (or employees) three or more times within N days.
 * Transfers come from the audit log (transfer, a topic change that moved the team, classification).
 * Omniloket records no suppliers, so ping-pong between the municipality and a supplier cannot be seen.
 */
export const pingPongRule: SignalRule<PingPongParameters> = {
  id: "ping-pong",
  version: 1,
  description:
    "Pingpong: een vraag ging binnen {windowDays} dagen minstens {minTransfers} keer over naar een ander team of een andere medewerker.",
  parameters: { windowDays: 30, minTransfers: 3 },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const signals: Signal[] = [];
    const questions = new Map(facts.questions.map((q) => [q.id, q]));
    const byQuestion = new Map<string, (typeof facts.transfers)[number][]>();
    for (const t of facts.transfers) {
      if (t.at.getTime() > now.getTime() || t.from === t.to) continue;
      const list = byQuestion.get(t.questionId);
      if (list) list.push(t);
      else byQuestion.set(t.questionId, [t]);
    }
    for (const [questionId, transfers] of byQuestion) {
      for (const chain of chains(transfers, (t) => t.at.getTime(), p.windowDays * DAY_MS)) {
        if (chain.length < p.minTransfers) continue;
        const first = chain[0];
        const reached = chain[p.minTransfers - 1];
        if (!first || !reached) continue;
        signals.push({
          ruleId: this.id,
          ruleVersion: this.version,
          partyId: facts.partyId,
          key: `question:${questionId}:${first.sourceId}`,
          at: reached.at,
          explanation: `Vraag ${questions.get(questionId)?.reference ?? ""} ging sinds ${dateNl(first.at)} ${chain.length} keer over naar een ander team of een andere medewerker.`,
          evidence: {
            questionIds: [questionId],
            contactIds: [],
            taskIds: [],
            details: {
              transfers: chain.map((t) => ({
                from: t.from,
                to: t.to,
                at: t.at.toISOString(),
                auditId: t.sourceId,
              })),
            },
          },
        });
      }
    }
    return signals;
  },
};
