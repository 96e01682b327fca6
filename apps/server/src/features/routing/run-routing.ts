import { type Db, schema } from "@omniloket/db";
import { type Assignment, assignNext } from "@omniloket/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { publishEvent } from "../../platform/events";
import { markAssigned } from "./assign-question";
import { anyoneAvailable, employeeFacts, routingWeights, waitingWork } from "./routing-facts";

/** How many waiting questions one run considers, most urgent first. */
export const ROUTING_BATCH = 500;

/**
 * Runs the routing engine (`assignNext`) over the caller's tenant: unassigned open questions to
 * available employees, and applies the result. One run per tenant at a time (an advisory lock), so two
 * runs never both fill the same employee.
 */
export async function runRouting(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal },
): Promise<{ assignments: Assignment[] }> {
  const tenantId = input.principal.tenantId;
  // Most runs (after every contact) find nobody available: one indexed lookup, no lock, no scan.
  if (!(await anyoneAvailable(deps.db, tenantId))) return { assignments: [] };
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`routing:${tenantId}`}, 0))`);
    const now = deps.clock();
    const weights = await routingWeights(tx, tenantId);
    const agents = await employeeFacts(tx, tenantId);
    const items = await waitingWork(tx, tenantId, ROUTING_BATCH);
    const proposed = assignNext(items, agents, weights, now);
    const applied: Assignment[] = [];
    const teamOf = new Map(items.map((i) => [i.questionId, i.teamId]));
    for (const assignment of proposed) {
      // Only if still unassigned: a person may have taken it meanwhile.
      const updated = await tx
        .update(schema.questions)
        .set({ employeeId: assignment.agentId })
        .where(
          and(
            eq(schema.questions.id, assignment.questionId),
            eq(schema.questions.tenantId, tenantId),
            isNull(schema.questions.employeeId),
          ),
        )
        .returning({ id: schema.questions.id });
      if (updated.length === 0) continue;
      await markAssigned(tx, tenantId, assignment.agentId, now);
      await publishEvent(
        tx,
        {
          tenantId,
          type: "question.changed",
          questionId: assignment.questionId,
          teamId: teamOf.get(assignment.questionId) ?? null,
        },
        now,
      );
      applied.push(assignment);
    }
    if (applied.length > 0) {
      const residents = await tx
        .select({ partyId: schema.questions.residentPartyId })
        .from(schema.questions)
        .where(
          inArray(
            schema.questions.id,
            applied.map((a) => a.questionId),
          ),
        );
      await recordAudit(tx, input.principal, now, {
        action: "routing.run",
        purpose: "contact-handling",
        partyIds: residents.map((r) => r.partyId).filter((id): id is string => id !== null),
        objectType: "question",
        objectIds: applied.map((a) => a.questionId),
        details: { assignments: applied },
      });
    }
    return { assignments: applied };
  });
}
