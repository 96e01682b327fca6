import type { Signal, SignalRule } from "./types";

export type ReopenedParameters = Record<string, never>;

/**
 * A question that was resolved and opened again: a change in its status history went from "resolved" to
 * anything else, or its status is "reopened" now (ingest sets it when the resident writes again after an
 * answer). Omniloket records every status change (question_status_changes: a contact reopening it, an
 * employee changing it, a merge), so a question reopened by a contact and later resolved again is still
 * found. Version 2: the evidence names the status change (`changeId`), no longer an audit row.
 */
export const reopenedRule: SignalRule<ReopenedParameters> = {
  id: "reopened",
  version: 2,
  description:
    "Heropend: een afgehandelde vraag is weer geopend, de inwoner was kennelijk nog niet geholpen.",
  parameters: {},
  evaluate(facts, now) {
    const signals: Signal[] = [];
    const seen = new Set<string>();
    const questions = new Map(facts.questions.map((q) => [q.id, q]));
    for (const change of facts.statusChanges) {
      if (change.from !== "resolved" || change.to === "resolved" || change.at.getTime() > now.getTime())
        continue;
      if (seen.has(change.questionId)) continue;
      seen.add(change.questionId);
      const question = questions.get(change.questionId);
      signals.push({
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `question:${change.questionId}`,
        at: change.at,
        explanation: `Vraag ${question?.reference ?? ""} was afgehandeld en is weer geopend.`.replace(
          "  ",
          " ",
        ),
        evidence: {
          questionIds: [change.questionId],
          contactIds: [],
          taskIds: [],
          details: { source: "status-change", changeId: change.sourceId },
        },
      });
    }
    for (const question of facts.questions) {
      if (question.status !== "reopened" || seen.has(question.id)) continue;
      seen.add(question.id);
      // The contact that reopened it: the latest inbound contact of the question.
      const reopening = facts.contacts
        .filter(
          (c) =>
            c.questionId === question.id &&
            c.direction === "inbound" &&
            c.occurredAt.getTime() <= now.getTime(),
        )
        .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
      signals.push({
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `question:${question.id}`,
        at: reopening?.occurredAt ?? question.openedAt,
        explanation: `Vraag ${question.reference} was afgehandeld; de inwoner nam daarna opnieuw contact op.`,
        evidence: {
          questionIds: [question.id],
          contactIds: reopening ? [reopening.id] : [],
          taskIds: [],
          details: { source: "status" },
        },
      });
    }
    return signals;
  },
};
