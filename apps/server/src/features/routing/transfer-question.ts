import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { lockOpenChats, transferChat } from "../chat";
import { loadQuestionForChange, publishTeamChange } from "../questions";
import { markAssigned } from "./assign-question";
import { needToKnowRefused, teamNotFound, transferNeedsTarget } from "./routing.errors";
import { targetEmployee, targetMayRead, teamMayReceive } from "./target-access";

/**
 * Hands a question to another team (it goes back into that team's queue) or to another employee,
 * always with a note. A sensitive question only goes to a team that handles its topic, and only to an
 * employee who may see it. An open web chat on the question follows it, with its whole history.
 */
export async function transferQuestion(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; questionId: string; teamId?: string; employeeId?: string; note: string },
): Promise<{ questionId: string; teamId: string | null; employeeId: string | null }> {
  const { principal } = input;
  if ((input.teamId === undefined) === (input.employeeId === undefined)) throw transferNeedsTarget();
  return deps.db.transaction(async (tx) => {
    // Chats before the question: the lock order of every chat line (see lockOpenChats).
    const chats = await lockOpenChats(tx, input.questionId);
    const question = await loadQuestionForChange(tx, principal, input.questionId);
    const now = deps.clock();
    let teamId = question.teamId;
    let employeeId: string | null = null;
    if (input.teamId !== undefined) {
      const [team] = await tx
        .select({ id: schema.teams.id, topicIds: schema.teams.topicIds })
        .from(schema.teams)
        .where(and(eq(schema.teams.id, input.teamId), eq(schema.teams.tenantId, principal.tenantId)));
      if (!team) throw teamNotFound();
      if (!teamMayReceive(question, team)) throw needToKnowRefused("team");
      teamId = team.id;
    } else if (input.employeeId !== undefined) {
      const target = await targetEmployee(tx, principal.tenantId, input.employeeId);
      if (!(await targetMayRead(tx, target, question))) throw needToKnowRefused("employee");
      employeeId = input.employeeId;
      await markAssigned(tx, principal.tenantId, employeeId, now);
    }
    await tx.update(schema.questions).set({ teamId, employeeId }).where(eq(schema.questions.id, question.id));
    await publishTeamChange(tx, principal.tenantId, question, teamId, now);
    // An open web chat goes along: to the colleague at once, or back to waiting in the new team.
    await transferChat(tx, chats, { employeeId }, now);
    await recordAudit(tx, principal, now, {
      action: "question.transfer",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "question",
      objectIds: [question.id],
      details: {
        fromTeamId: question.teamId,
        toTeamId: teamId,
        fromEmployeeId: question.employeeId,
        toEmployeeId: employeeId,
        note: input.note,
      },
    });
    return { questionId: question.id, teamId, employeeId };
  });
}
