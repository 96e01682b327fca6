import type { SignalStatus } from "@omniloket/db/schema";
import { type Distribution, distribution } from "./distribution";
import { EFFECT_WINDOWS_DAYS, type EffectWindowDays, type SignalEffect } from "./measure-signal-effects";

export type RuleWindowEffect = {
  days: EffectWindowDays;
  /** Accepted signals whose after-period has passed. */
  measured: number;
  /** Accepted signals whose after-period has not passed yet ("nog niet te meten"). */
  notYetMeasurable: number;
  /** Measured signals with fewer, as many, and more contacts after than before. */
  fewer: number;
  same: number;
  more: number;
  /** Contacts after minus before, per measured signal. */
  change: Distribution | null;
};

export type RuleEffect = {
  ruleId: string;
  raised: number;
  accepted: number;
  dismissed: number;
  snoozed: number;
  open: number;
  windows: RuleWindowEffect[];
  /** The linked questions of accepted signals. */
  resolution: { questions: number; resolved: number; unresolved: number; days: Distribution | null };
  /** Answers to "Heeft dit u geholpen?" on those questions. */
  feedback: { helped: number; notHelped: number; noAnswer: number };
};

/**
 * Per rule: how many signals it raised and what the case guides decided, and for the accepted ones the
 * effect as distributions and counts (never a lone average). `statuses` is one entry per signal.
 */
export function summariseRules(
  ruleIds: readonly string[],
  statuses: readonly { ruleId: string; status: SignalStatus }[],
  effects: readonly SignalEffect[],
): RuleEffect[] {
  const known = [...ruleIds, ...statuses.map((s) => s.ruleId).filter((id) => !ruleIds.includes(id))];
  return [...new Set(known)].map((ruleId) => {
    const mine = statuses.filter((s) => s.ruleId === ruleId);
    const count = (status: SignalStatus) => mine.filter((s) => s.status === status).length;
    const measured = effects.filter((e) => e.ruleId === ruleId);
    const windows = EFFECT_WINDOWS_DAYS.map((days): RuleWindowEffect => {
      const pairs = measured.flatMap((e) => e.windows.filter((w) => w.days === days));
      const changes = pairs.flatMap((w) => (w.after === null ? [] : [w.after - w.before]));
      return {
        days,
        measured: changes.length,
        notYetMeasurable: pairs.length - changes.length,
        fewer: changes.filter((c) => c < 0).length,
        same: changes.filter((c) => c === 0).length,
        more: changes.filter((c) => c > 0).length,
        change: distribution(changes),
      };
    });
    const questions = measured.flatMap((e) => e.questions);
    const answers = measured.flatMap((e) => e.feedback);
    return {
      ruleId,
      raised: mine.length,
      accepted: count("accepted"),
      dismissed: count("dismissed"),
      snoozed: count("snoozed"),
      open: count("open"),
      windows,
      resolution: {
        questions: questions.length,
        resolved: questions.filter((x) => x.resolved).length,
        unresolved: questions.filter((x) => !x.resolved).length,
        days: distribution(
          questions.flatMap((x) => (x.daysToResolution === null ? [] : [x.daysToResolution])),
        ),
      },
      feedback: {
        helped: answers.filter((a) => a.helped).length,
        notHelped: answers.filter((a) => !a.helped).length,
        noAnswer: questions.filter((x) => !answers.some((a) => a.questionId === x.questionId)).length,
      },
    };
  });
}
