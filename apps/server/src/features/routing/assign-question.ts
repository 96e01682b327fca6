import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { publishEvent } from "../../platform/events";
import { loadQuestionForChange } from "../questions";
import { needToKnowRefused } from "./routing.errors";
import { targetEmployee, targetMayRead } from "./target-access";

/** A person gives a question to an employee (or takes it); refused when the employee may not see it. */
export async function assignQuestion(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; questionId: string; employeeId: string; note?: string },
): Promise<{ questionId: string; employeeId: string; teamId: string | null }> {
  const { principal } = input;
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, principal, input.questionId);
    const target = await targetEmployee(tx, principal.tenantId, input.employeeId);
    if (!(await targetMayRead(tx, target, question))) throw needToKnowRefused("employee");
    const now = deps.clock();
    await tx
      .update(schema.questions)
      .set({ employeeId: input.employeeId })
      .where(eq(schema.questions.id, question.id));
    await markAssigned(tx, principal.tenantId, input.employeeId, now);
    await publishEvent(
      tx,
      {
        tenantId: principal.tenantId,
        type: "question.changed",
        questionId: question.id,
        teamId: question.teamId,
      },
      now,
    );
    await recordAudit(tx, principal, now, {
      action: "question.assign",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "question",
      objectIds: [question.id],
      details: {
        fromEmployeeId: question.employeeId,
        toEmployeeId: input.employeeId,
        note: input.note ?? null,
      },
    });
    return { questionId: question.id, employeeId: input.employeeId, teamId: question.teamId };
  });
}

/** Remembers when an employee last received work (fairness among equally loaded employees). */
export async function markAssigned(
  q: Pick<Db, "insert">,
  tenantId: string,
  employeeId: string,
  at: Date,
): Promise<void> {
  await q
    .insert(schema.employeePresence)
    .values({ employeeId, tenantId, presence: "offline", updatedAt: at, lastAssignedAt: at })
    .onConflictDoUpdate({ target: schema.employeePresence.employeeId, set: { lastAssignedAt: at } });
}
