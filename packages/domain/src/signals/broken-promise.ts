import { dateNl, days } from "./facts";
import { DAY_MS, type Signal, type SignalRule } from "./types";

export type BrokenPromiseParameters = { graceDays: number; includeLate: boolean };

/** A callback or task that is overdue (still open past its due time), or was done only well after it. */
export const brokenPromiseRule: SignalRule<BrokenPromiseParameters> = {
  id: "broken-promise",
  version: 1,
  description:
    "Gebroken belofte: een terugbelverzoek of taak is meer dan {graceDays} dag(en) over de afgesproken tijd nog open (of werd pas zo laat gedaan).",
  parameters: { graceDays: 1, includeLate: true },
  evaluate(facts, now, overrides) {
    const p = { ...this.parameters, ...overrides };
    const signals: Signal[] = [];
    for (const task of facts.tasks) {
      if (!task.dueAt || task.status === "cancelled" || task.createdAt.getTime() > now.getTime()) continue;
      const limit = task.dueAt.getTime() + p.graceDays * DAY_MS;
      const doneAt =
        task.completedAt && task.completedAt.getTime() <= now.getTime() ? task.completedAt : null;
      const open = doneAt === null && task.status !== "done" ? now.getTime() > limit : false;
      const late = p.includeLate && doneAt !== null && doneAt.getTime() > limit;
      if (!open && !late) continue;
      const what = task.kind === "callback" ? "Terugbelverzoek" : "Taak";
      signals.push({
        ruleId: this.id,
        ruleVersion: this.version,
        partyId: facts.partyId,
        key: `task:${task.id}`,
        at: new Date(limit),
        explanation: open
          ? `${what} had ${dateNl(task.dueAt)} gedaan moeten zijn en staat ${days(now.getTime() - task.dueAt.getTime())} dagen later nog open.`
          : `${what} had ${dateNl(task.dueAt)} gedaan moeten zijn en werd ${days((doneAt as Date).getTime() - task.dueAt.getTime())} dagen te laat afgerond.`,
        evidence: {
          questionIds: [task.questionId],
          contactIds: [],
          taskIds: [task.id],
          details: { kind: task.kind, state: open ? "overdue" : "late", dueAt: task.dueAt.toISOString() },
        },
      });
    }
    return signals;
  },
};
