import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";
import { announceQuestionChanges } from "./announce-question-changes";
import { questionAccessFor } from "./question-access";
import { notesByEmployees } from "./questions.errors";

/**
 * An internal note on a question, for colleagues: it is stored apart from the contacts, so no channel
 * ever sends it to a resident. Only someone who may see the question can add one.
 */
export async function addQuestionNote(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; questionId: string; text: string },
) {
  const { principal } = input;
  if (principal.kind !== "employee") throw notesByEmployees();
  return deps.db.transaction(async (tx) => {
    const [question] = await tx
      .select()
      .from(schema.questions)
      .where(
        and(eq(schema.questions.id, input.questionId), eq(schema.questions.tenantId, principal.tenantId)),
      );
    if (!question) throw notFound("Deze vraag");
    const mayRead = await questionAccessFor(tx, principal, input.purpose);
    if (!mayRead(question)) throw notFound("Deze vraag");
    const now = deps.clock();
    const [note] = await tx
      .insert(schema.questionNotes)
      .values({
        tenantId: principal.tenantId,
        questionId: question.id,
        employeeId: principal.employeeId,
        text: input.text,
        createdAt: now,
      })
      .returning();
    if (!note) throw new Error("note insert returned nothing");
    const [author] = await tx
      .select({ name: schema.employees.name })
      .from(schema.employees)
      .where(eq(schema.employees.id, principal.employeeId));
    await announceQuestionChanges(tx, principal.tenantId, [question], now);
    await recordAudit(tx, principal, now, {
      action: "question.note",
      purpose: input.purpose,
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "question",
      objectIds: [question.id],
      details: { noteId: note.id },
    });
    return {
      id: note.id,
      questionId: question.id,
      text: note.text,
      createdAt: note.createdAt.toISOString(),
      employeeId: note.employeeId,
      authorName: author?.name ?? null,
    };
  });
}
