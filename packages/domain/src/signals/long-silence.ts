import { isChannel } from "../channels";
import { defaultServiceNorms } from "../service-norms/default-service-norms";
import { computeDueAt, findServiceNorm, type ServiceNorm } from "../service-norms/service-norm";
import { dateNl, days } from "./facts";
import { DAY_MS, type Signal, type SignalContact, type SignalRule } from "./types";

export type LongSilenceParameters = { graceDays: number; norms: readonly ServiceNorm[] };

/** Contacts that are a conversation in themselves: the resident spoke to someone. */
const LIVE = new Set(["phone", "counter"]);

/**
 * Long silence on the municipality's side: a written contact from the resident that got no answer (no
 * outbound contact on the question, no resolution) until well past the service norm for its topic and
 * channel. Phone calls and counter visits are conversations; what was promised in them is the
 * broken-promise rule's.
 */
export const longSilenceRule: SignalRule<LongSilenceParameters> = {
  id: "long-silence",
  version: 1,
  description:
    "Lange stilte: op een schriftelijk bericht van de inwoner kwam meer dan {graceDays} dag(en) na de servicenorm nog geen antwoord.",
  parameters: { graceDays: 2, norms: defaultServiceNorms },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const signals: Signal[] = [];
    const byQuestion = new Map<string, SignalContact[]>();
    for (const c of facts.contacts) {
      if (c.occurredAt.getTime() > now.getTime()) continue;
      const list = byQuestion.get(c.questionId);
      if (list) list.push(c);
      else byQuestion.set(c.questionId, [c]);
    }
    for (const question of facts.questions) {
      const contacts = (byQuestion.get(question.id) ?? []).sort(
        (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
      );
      let waitingSince: SignalContact | null = null;
      const check = (until: number, answered: boolean) => {
        if (!waitingSince || !isChannel(waitingSince.channel)) return;
        // Working time never runs faster than the clock: an answer within the norm's minutes plus the
        // grace days is in time whatever the calendar says, and most are (the calendar is the costly part).
        const norm = findServiceNorm(p.norms, question.topicId, waitingSince.channel);
        if (!norm) return;
        const earliestLimit =
          waitingSince.occurredAt.getTime() + norm.workingMinutes * 60_000 + p.graceDays * DAY_MS;
        if (until <= earliestLimit) return;
        const due = computeDueAt(waitingSince.occurredAt, p.norms, question.topicId, waitingSince.channel);
        if (!due) return;
        const limit = due.dueAt.getTime() + p.graceDays * DAY_MS;
        if (until <= limit) return;
        const waited = until - waitingSince.occurredAt.getTime();
        signals.push({
          ruleId: this.id,
          ruleVersion: this.version,
          partyId: facts.partyId,
          key: `contact:${waitingSince.id}`,
          at: new Date(limit),
          explanation: answered
            ? `Bericht van ${dateNl(waitingSince.occurredAt)} over vraag ${question.reference} kreeg pas na ${days(waited)} dagen antwoord (norm: ${due.norm.label}).`
            : `Bericht van ${dateNl(waitingSince.occurredAt)} over vraag ${question.reference} wacht al ${days(waited)} dagen op antwoord (norm: ${due.norm.label}).`,
          evidence: {
            questionIds: [question.id],
            contactIds: [waitingSince.id],
            taskIds: [],
            details: { waitedDays: days(waited), dueAt: due.dueAt.toISOString(), answered },
          },
        });
      };
      for (const c of contacts) {
        if (c.direction === "outbound") {
          check(c.occurredAt.getTime(), true);
          waitingSince = null;
        } else if (LIVE.has(c.channel)) {
          waitingSince = null;
        } else {
          waitingSince ??= c;
        }
      }
      if (waitingSince) {
        const resolvedAt =
          question.status === "resolved" && question.resolvedAt ? question.resolvedAt.getTime() : null;
        if (resolvedAt !== null && resolvedAt >= waitingSince.occurredAt.getTime()) check(resolvedAt, true);
        else check(now.getTime(), false);
      }
    }
    return signals;
  },
};
