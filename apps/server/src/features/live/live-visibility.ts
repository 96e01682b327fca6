import type { Queryable } from "@omniloket/db";
import { hasAnyRole, type Principal } from "../../platform/auth/principal";
import { PERSONAL_DATA_ROLES, type Purpose } from "../../platform/auth/roles";
import { questionAccessFor } from "../questions";
import type { LiveDelivery } from "./live-delivery";

/**
 * Which events this caller may hear about: only their own municipality's, only with a role that may
 * see personal data at all, and only for questions need-to-know lets them read.
 */
export async function liveVisibilityFor(
  q: Queryable,
  principal: Principal,
  purpose: Purpose,
): Promise<(delivery: LiveDelivery) => boolean> {
  if (!hasAnyRole(principal, PERSONAL_DATA_ROLES)) return () => false;
  const mayRead = await questionAccessFor(q, principal, purpose);
  const employeeId = principal.kind === "employee" ? principal.employeeId : null;
  return (delivery) =>
    delivery.tenantId === principal.tenantId &&
    (delivery.employeeId === undefined || delivery.employeeId === employeeId) &&
    delivery.question !== null &&
    mayRead(delivery.question);
}
