import { type Db, schema } from "@omniloket/db";
import type { ReplyChannel } from "@omniloket/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { publishEvent } from "../../platform/events";
import { questionAccessFor } from "../questions";
import { replyToQuestion } from "../replies";
import { toTaskView } from "./task-view";
import { taskNotOpen } from "./tasks.errors";

export type TaskCompletion = {
  principal: Principal;
  taskId: string;
  /** What was done; kept on the task (so on the question's task list) and shown to colleagues. */
  outcome: string;
  /** Tell the resident, on the channel the reply rule picks. */
  notifyResident: boolean;
  /** The message to the resident; default: the outcome. */
  message?: string;
  /** Only to deviate from the reply rule, with a reason. */
  channel?: ReplyChannel;
  overrideReason?: string;
};

/**
 * Completes a task: status done, completed_at and the outcome on the task row (the question shows its
 * tasks with their outcome; no extra interaction is invented for an internal note), and a "task.changed"
 * event for live streams. With `notifyResident` the resident is told through `replyToQuestion` (the reply
 * rule, the outbox) in the same transaction: if the resident cannot be reached, the task stays open.
 * A task on a question the caller may not see is "not found"; a task that is no longer open is a conflict.
 */
export async function completeTask(deps: { db: Db; clock: () => Date }, input: TaskCompletion) {
  const { principal } = input;
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(schema.tasks)
      .where(and(eq(schema.tasks.id, input.taskId), eq(schema.tasks.tenantId, principal.tenantId)))
      .for("update");
    if (!task) throw notFound("Deze taak");
    const [question] = await tx
      .select()
      .from(schema.questions)
      .where(eq(schema.questions.id, task.questionId));
    if (!question) throw notFound("Deze taak");
    const mayRead = await questionAccessFor(tx, principal, "contact-handling");
    if (!mayRead(question)) throw notFound("Deze taak");
    if (task.status !== "open") throw taskNotOpen();

    const [done] = await tx
      .update(schema.tasks)
      .set({ status: "done", completedAt: now, outcome: input.outcome })
      .where(eq(schema.tasks.id, task.id))
      .returning();
    if (!done) throw new Error("task update returned nothing");
    await publishEvent(
      tx,
      {
        tenantId: principal.tenantId,
        type: "task.changed",
        questionId: task.questionId,
        taskId: task.id,
        teamId: task.teamId ?? question.teamId,
      },
      now,
    );
    await recordAudit(tx, principal, now, {
      action: "task.complete",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "task",
      objectIds: [task.id],
      details: { notifyResident: input.notifyResident },
    });
    const reply = input.notifyResident
      ? await replyToQuestion(
          { db: tx, clock: deps.clock },
          {
            principal,
            questionId: task.questionId,
            text: input.message ?? input.outcome,
            channel: input.channel,
            overrideReason: input.overrideReason,
          },
        )
      : null;
    return { ...toTaskView(done, question.reference, now), reply };
  });
}
