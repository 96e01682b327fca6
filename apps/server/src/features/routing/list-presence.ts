import type { Db } from "@omniloket/db";
import { type LoadChannel, type Presence, usedCapacity } from "@omniloket/domain";
import type { Principal } from "../../platform/auth/principal";
import { employeeFacts, routingWeights } from "./routing-facts";

export type PresenceItem = {
  employeeId: string;
  name: string;
  presence: Presence;
  updatedAt: string | null;
  teamIds: string[];
  load: Record<LoadChannel, number>;
  /** Share of capacity in use (1 is full), by the tenant's routing weights. */
  capacityUsed: number;
};

/** For supervisors: every active employee's presence and current load per channel. */
export async function listPresence(
  deps: { db: Db },
  input: { principal: Principal },
): Promise<{ items: PresenceItem[] }> {
  const tenantId = input.principal.tenantId;
  const weights = await routingWeights(deps.db, tenantId);
  const employees = await employeeFacts(deps.db, tenantId);
  return {
    items: employees.map((e) => ({
      employeeId: e.id,
      name: e.name,
      presence: e.presence,
      updatedAt: e.presenceUpdatedAt?.toISOString() ?? null,
      teamIds: [...e.teamIds],
      load: e.load,
      capacityUsed: Math.round(usedCapacity(e.load, weights) * 1000) / 1000,
    })),
  };
}
