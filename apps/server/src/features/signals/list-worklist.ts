import { type Db, schema } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { questionAccessFor } from "../questions";
import { ruleDescription } from "./signal-rules-text";
import { type SuggestedAction, suggestedAction } from "./suggested-action";
import { residentScore, type ScoreParts, scoreSignal } from "./worklist-score";

export type WorklistSignal = {
  id: string;
  ruleId: string;
  ruleVersion: number;
  ruleDescription: string;
  /** The rule's explanation; null when part of the evidence is outside the caller's need-to-know. */
  explanation: string | null;
  status: "open" | "snoozed";
  detectedAt: Date;
  score: ScoreParts;
  evidence: {
    questions: { id: string; reference: string; topicId: string | null; status: string; openedAt: Date }[];
    contacts: { id: string; questionId: string; channel: string; direction: string; occurredAt: Date }[];
    tasks: { id: string; questionId: string; kind: string; status: string; dueAt: Date | null }[];
    /** Evidence questions the caller may not see (need-to-know): counted, never described. */
    hiddenQuestions: number;
    /** The rule's small facts (channels, counts, words found); empty when evidence is hidden. */
    details: Record<string, unknown>;
  };
  suggestedAction: SuggestedAction;
};

export type WorklistResident = {
  partyId: string;
  name: string | null;
  score: number;
  signals: WorklistSignal[];
};

type StoredEvidence = {
  questionIds?: string[];
  contactIds?: string[];
  taskIds?: string[];
  details?: unknown;
};

/**
 * The case guide's worklist: open signals (and snoozed ones whose date has passed) grouped per
 * resident, residents ranked by a transparent score (worklist-score.ts) whose parts are returned.
 * Evidence is shown by need-to-know, as everywhere in the workspace: a question the caller may not
 * read is counted, not described, and then the explanation and details (which may name its topic) are
 * withheld too; a signal whose evidence is all out of sight is left out. The read is audit-logged once,
 * with every resident on the list and the purpose.
 */
export async function listWorklist(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; limit: number },
): Promise<{ residents: WorklistResident[] }> {
  const { db } = deps;
  const { principal } = input;
  const tenantId = principal.tenantId;
  const now = deps.clock();
  const stored = await db
    .select()
    .from(schema.signals)
    .where(and(eq(schema.signals.tenantId, tenantId), inArray(schema.signals.status, ["open", "snoozed"])));
  const awake = stored.filter(
    (s) => s.status === "open" || (s.snoozedUntil?.getTime() ?? 0) <= now.getTime(),
  );
  const evidenceOf = (s: (typeof stored)[number]) => s.evidence as StoredEvidence;
  const ids = (pick: (e: StoredEvidence) => string[] | undefined) => [
    ...new Set(awake.flatMap((s) => pick(evidenceOf(s)) ?? [])),
  ];
  const questionIds = ids((e) => e.questionIds);
  const contactIds = ids((e) => e.contactIds);
  const taskIds = ids((e) => e.taskIds);
  const questions =
    questionIds.length === 0
      ? []
      : await db
          .select({
            id: schema.questions.id,
            reference: schema.questions.reference,
            topicId: schema.questions.topicId,
            status: schema.questions.status,
            openedAt: schema.questions.openedAt,
            confidential: schema.questions.confidential,
            teamId: schema.questions.teamId,
          })
          .from(schema.questions)
          .where(and(eq(schema.questions.tenantId, tenantId), inArray(schema.questions.id, questionIds)));
  const contacts =
    contactIds.length === 0
      ? []
      : await db
          .select({
            id: schema.interactions.id,
            questionId: schema.interactions.questionId,
            channel: schema.interactions.channel,
            direction: schema.interactions.direction,
            occurredAt: schema.interactions.occurredAt,
          })
          .from(schema.interactions)
          .where(
            and(eq(schema.interactions.tenantId, tenantId), inArray(schema.interactions.id, contactIds)),
          );
  const tasks =
    taskIds.length === 0
      ? []
      : await db
          .select({
            id: schema.tasks.id,
            questionId: schema.tasks.questionId,
            kind: schema.tasks.kind,
            status: schema.tasks.status,
            dueAt: schema.tasks.dueAt,
          })
          .from(schema.tasks)
          .where(and(eq(schema.tasks.tenantId, tenantId), inArray(schema.tasks.id, taskIds)));
  const mayRead = await questionAccessFor(db, principal, input.purpose);
  const visible = new Map(questions.filter((q) => mayRead(q)).map((q) => [q.id, q]));
  const known = new Set(questions.map((q) => q.id));

  const perResident = new Map<string, WorklistSignal[]>();
  for (const s of awake) {
    const evidence = evidenceOf(s);
    const mine = (evidence.questionIds ?? []).filter((id) => known.has(id));
    const shown = mine.filter((id) => visible.has(id));
    if (mine.length > 0 && shown.length === 0) continue;
    const hidden = mine.length - shown.length;
    const onShown = (questionId: string) => visible.has(questionId);
    const signal: WorklistSignal = {
      id: s.id,
      ruleId: s.ruleId,
      ruleVersion: s.ruleVersion,
      ruleDescription: ruleDescription(s.ruleId),
      explanation: hidden > 0 ? null : s.explanation,
      status: s.status as "open" | "snoozed",
      detectedAt: s.detectedAt,
      score: scoreSignal(s.ruleId, s.detectedAt, now),
      evidence: {
        questions: shown.map((id) => {
          const { confidential: _c, teamId: _t, ...q } = visible.get(id) as (typeof questions)[number];
          return q;
        }),
        contacts: contacts
          .filter((c) => (evidence.contactIds ?? []).includes(c.id) && onShown(c.questionId))
          .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
        tasks: tasks.filter((t) => (evidence.taskIds ?? []).includes(t.id) && onShown(t.questionId)),
        hiddenQuestions: hidden,
        details: hidden > 0 ? {} : ((evidence.details as Record<string, unknown>) ?? {}),
      },
      suggestedAction: suggestedAction(
        s.ruleId,
        hidden > 0 ? {} : ((evidence.details as Record<string, unknown>) ?? {}),
      ),
    };
    const list = perResident.get(s.partyId) ?? [];
    list.push(signal);
    perResident.set(s.partyId, list);
  }
  const partyIds = [...perResident.keys()];
  const names =
    partyIds.length === 0
      ? []
      : await db
          .select({ id: schema.parties.id, name: schema.parties.displayName })
          .from(schema.parties)
          .where(and(eq(schema.parties.tenantId, tenantId), inArray(schema.parties.id, partyIds)));
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const residents = partyIds
    .map((partyId) => {
      const signals = (perResident.get(partyId) ?? []).sort(
        (a, b) => b.score.points - a.score.points || b.detectedAt.getTime() - a.detectedAt.getTime(),
      );
      return {
        partyId,
        name: nameOf.get(partyId) ?? null,
        score: residentScore(signals.map((s) => s.score)),
        signals,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.signals[0]?.detectedAt.getTime() ?? 0) - (a.signals[0]?.detectedAt.getTime() ?? 0) ||
        a.partyId.localeCompare(b.partyId),
    )
    .slice(0, input.limit);
  await recordAudit(db, principal, now, {
    action: "signals.list",
    purpose: input.purpose,
    partyIds: residents.map((r) => r.partyId),
    objectType: "signal",
    objectIds: residents.flatMap((r) => r.signals.map((s) => s.id)),
  });
  return { residents };
}
