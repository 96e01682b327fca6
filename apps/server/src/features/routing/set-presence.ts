import { type Db, schema } from "@omniloket/db";
import type { Presence } from "@omniloket/domain";
import type { Principal } from "../../platform/auth/principal";
import { requestRouting } from "./request-routing";
import { notForPeople } from "./routing.errors";

/** An employee says whether they take work now (available, busy, away, offline). */
export async function setPresence(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; presence: Presence },
): Promise<{ employeeId: string; presence: Presence; updatedAt: string }> {
  const { principal } = input;
  if (principal.kind !== "employee") throw notForPeople();
  const now = deps.clock();
  await deps.db
    .insert(schema.employeePresence)
    .values({
      employeeId: principal.employeeId,
      tenantId: principal.tenantId,
      presence: input.presence,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: schema.employeePresence.employeeId,
      set: { presence: input.presence, updatedAt: now },
    });
  // Someone who becomes available may take waiting work now; someone leaving frees nothing to route.
  if (input.presence === "available") await requestRouting(deps.db, principal.tenantId);
  return { employeeId: principal.employeeId, presence: input.presence, updatedAt: now.toISOString() };
}
