import { type Db, schema } from "@omniloket/db";
import type { TaskKind } from "@omniloket/db/schema";
import { computeDueAt, defaultCallbackNorms, type ReplyChannel } from "@omniloket/domain";
import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { publishEvent } from "../../platform/events";
import { loadQuestionForChange } from "../questions";
import { toTaskView } from "./task-view";
import { callbackNeedsAddress, unknownEmployee, unknownTeam } from "./tasks.errors";

export type NewTask = {
  principal: Principal;
  questionId: string;
  kind: TaskKind;
  /** Default: the question's team. */
  teamId?: string;
  assigneeEmployeeId?: string;
  /** Default: a callback by the callback norm (one working day); other tasks by the question's due time. */
  dueAt?: Date;
  /** Default for a callback: phone. */
  contactChannel?: ReplyChannel;
  /** Default for a callback: the resident's phone number (else their WhatsApp number). */
  contactAddress?: string;
  description: string;
};

/**
 * A callback request or back-office task on a question (InterneTaak). A callback is a promise to a
 * resident, so it always has a number to call and a due time. Live streams hear "task.changed".
 */
export async function createTask(deps: { db: Db; clock: () => Date }, input: NewTask) {
  const { principal } = input;
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, principal, input.questionId);
    if (input.teamId) {
      const [team] = await tx
        .select({ id: schema.teams.id })
        .from(schema.teams)
        .where(and(eq(schema.teams.id, input.teamId), eq(schema.teams.tenantId, principal.tenantId)));
      if (!team) throw unknownTeam();
    }
    if (input.assigneeEmployeeId) {
      const [employee] = await tx
        .select({ id: schema.employees.id })
        .from(schema.employees)
        .where(
          and(
            eq(schema.employees.id, input.assigneeEmployeeId),
            eq(schema.employees.tenantId, principal.tenantId),
          ),
        );
      if (!employee) throw unknownEmployee();
    }

    const callback = input.kind === "callback";
    let contactAddress = input.contactAddress?.trim() || null;
    if (callback && !contactAddress && question.residentPartyId) {
      const numbers = await tx
        .select({ kind: schema.partyIdentifiers.kind, value: schema.partyIdentifiers.value })
        .from(schema.partyIdentifiers)
        .where(
          and(
            eq(schema.partyIdentifiers.partyId, question.residentPartyId),
            inArray(schema.partyIdentifiers.kind, ["phone", "whatsapp"]),
          ),
        )
        .orderBy(desc(schema.partyIdentifiers.createdAt));
      contactAddress =
        (numbers.find((n) => n.kind === "phone") ?? numbers.find((n) => n.kind === "whatsapp"))?.value ??
        null;
    }
    if (callback && !contactAddress) throw callbackNeedsAddress();
    const dueAt =
      input.dueAt ??
      (callback
        ? (computeDueAt(now, defaultCallbackNorms, question.topicId, "phone")?.dueAt ?? null)
        : question.dueAt);

    const [task] = await tx
      .insert(schema.tasks)
      .values({
        tenantId: principal.tenantId,
        questionId: question.id,
        kind: input.kind,
        teamId: input.teamId ?? question.teamId,
        assigneeEmployeeId: input.assigneeEmployeeId ?? null,
        dueAt,
        contactChannel: input.contactChannel ?? (callback ? "phone" : null),
        contactAddress,
        description: input.description,
        createdAt: now,
      })
      .returning();
    if (!task) throw new Error("task insert returned nothing");
    await publishEvent(
      tx,
      {
        tenantId: principal.tenantId,
        type: "task.changed",
        questionId: question.id,
        taskId: task.id,
        teamId: task.teamId,
      },
      now,
    );
    await recordAudit(tx, principal, now, {
      action: "task.create",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "task",
      objectIds: [task.id],
      details: { kind: task.kind },
    });
    return toTaskView(task, question.reference, now);
  });
}
