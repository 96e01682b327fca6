import { type Queryable, schema } from "@omniloket/db";
import { and, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";

const DAY_MS = 86_400_000;

/** The periods before and after a decision in which the resident's own contacts are counted. */
export const EFFECT_WINDOWS_DAYS = [30, 90] as const;
export type EffectWindowDays = (typeof EFFECT_WINDOWS_DAYS)[number];

export type WindowEffect = {
  days: EffectWindowDays;
  /** Inbound contacts of the resident in the `days` before the decision. */
  before: number;
  /** The same after the decision; null while the period has not passed yet ("nog niet te meten"). */
  after: number | null;
};

export type LinkedQuestionEffect = {
  questionId: string;
  reference: string;
  status: string;
  resolved: boolean;
  openedAt: Date;
  resolvedAt: Date | null;
  /** From opening to resolution; null while unresolved. */
  daysToResolution: number | null;
};

export type ResidentFeedback = { questionId: string; helped: boolean; comment: string | null; at: Date };

export type SignalEffect = {
  signalId: string;
  partyId: string;
  ruleId: string;
  ruleVersion: number;
  decidedAt: Date;
  windows: WindowEffect[];
  questions: LinkedQuestionEffect[];
  feedback: ResidentFeedback[];
};

const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

/**
 * The effect of every accepted signal of a municipality, measured at `now`: the resident's inbound
 * contacts in the 30 and 90 days before the decision against after it (a period that has not passed
 * yet is not measurable, never zero), how long the signal's linked questions took to resolve, and what
 * the resident answered to "Heeft dit u geholpen?" on those questions. Reads only; the caller decides
 * who may see what and logs the read.
 */
export async function measureSignalEffects(
  q: Queryable,
  input: { tenantId: string; now: Date },
): Promise<SignalEffect[]> {
  const { tenantId, now } = input;
  const accepted = await q
    .select()
    .from(schema.signals)
    .where(
      and(
        eq(schema.signals.tenantId, tenantId),
        eq(schema.signals.status, "accepted"),
        isNotNull(schema.signals.decidedAt),
      ),
    );
  if (accepted.length === 0) return [];
  const longest = Math.max(...EFFECT_WINDOWS_DAYS) * DAY_MS;
  const decidedTimes = accepted.map((s) => (s.decidedAt as Date).getTime());
  const partyIds = [...new Set(accepted.map((s) => s.partyId))];
  const i = schema.interactions;
  const ip = schema.interactionParties;
  const contactRows = await q
    .selectDistinct({ partyId: ip.timelinePartyId, id: i.id, occurredAt: i.occurredAt })
    .from(ip)
    .innerJoin(i, eq(i.id, ip.interactionId))
    .where(
      and(
        eq(ip.tenantId, tenantId),
        inArray(ip.timelinePartyId, partyIds),
        eq(i.direction, "inbound"),
        gte(ip.occurredAt, new Date(Math.min(...decidedTimes) - longest)),
        lt(ip.occurredAt, new Date(Math.max(...decidedTimes) + longest)),
      ),
    );
  const contactsOf = new Map<string, number[]>();
  for (const row of contactRows) {
    if (!row.partyId) continue;
    const list = contactsOf.get(row.partyId) ?? [];
    list.push(row.occurredAt.getTime());
    contactsOf.set(row.partyId, list);
  }

  const questionIdsOf = (s: (typeof accepted)[number]) =>
    ((s.evidence as { questionIds?: string[] }).questionIds ?? []).filter((id) => typeof id === "string");
  const questionIds = [...new Set(accepted.flatMap(questionIdsOf))];
  const questions =
    questionIds.length === 0
      ? []
      : await q
          .select({
            id: schema.questions.id,
            reference: schema.questions.reference,
            status: schema.questions.status,
            openedAt: schema.questions.openedAt,
            resolvedAt: schema.questions.resolvedAt,
          })
          .from(schema.questions)
          .where(and(eq(schema.questions.tenantId, tenantId), inArray(schema.questions.id, questionIds)));
  const questionById = new Map(questions.map((x) => [x.id, x]));
  const feedbackRows =
    questionIds.length === 0
      ? []
      : await q
          .select({
            questionId: schema.questionFeedback.questionId,
            partyId: schema.questionFeedback.partyId,
            helped: schema.questionFeedback.helped,
            comment: schema.questionFeedback.comment,
            at: schema.questionFeedback.updatedAt,
          })
          .from(schema.questionFeedback)
          .where(
            and(
              eq(schema.questionFeedback.tenantId, tenantId),
              inArray(schema.questionFeedback.questionId, questionIds),
            ),
          );

  return accepted.map((s) => {
    const decided = (s.decidedAt as Date).getTime();
    const contacts = contactsOf.get(s.partyId) ?? [];
    const windows = EFFECT_WINDOWS_DAYS.map((d): WindowEffect => {
      const span = d * DAY_MS;
      const before = contacts.filter((t) => t >= decided - span && t < decided).length;
      const after =
        now.getTime() < decided + span
          ? null
          : contacts.filter((t) => t >= decided && t < decided + span).length;
      return { days: d, before, after };
    });
    const mine = questionIdsOf(s);
    return {
      signalId: s.id,
      partyId: s.partyId,
      ruleId: s.ruleId,
      ruleVersion: s.ruleVersion,
      decidedAt: s.decidedAt as Date,
      windows,
      questions: mine.flatMap((id) => {
        const x = questionById.get(id);
        if (!x) return [];
        const resolved = x.status === "resolved" && x.resolvedAt !== null;
        return [
          {
            questionId: x.id,
            reference: x.reference,
            status: x.status,
            resolved,
            openedAt: x.openedAt,
            resolvedAt: resolved ? x.resolvedAt : null,
            daysToResolution:
              resolved && x.resolvedAt ? days(x.resolvedAt.getTime() - x.openedAt.getTime()) : null,
          },
        ];
      }),
      feedback: feedbackRows
        .filter((f) => f.partyId === s.partyId && mine.includes(f.questionId))
        .map(({ partyId: _p, ...f }) => f),
    };
  });
}
