import type { Db } from "@omniloket/db";
import { partyForBsn } from "../identity";
import { recordPortalAudit } from "./portal-audit";
import { createPortalSession } from "./portal-session";

/**
 * A resident came back from the OpenID Connect provider with a valid ID token carrying their BSN (the
 * route checked the token and the BSN's eleven-test). The person with that BSN (or a new verified
 * person) gets a portal session, and the login is audit-logged with how it was verified. The BSN is
 * never returned, logged or put in a URL.
 */
export async function logInWithOidc(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; bsn: string; verifiedBy: string },
): Promise<{ token: string; expiresAt: Date; partyId: string }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const partyId = await partyForBsn(tx, input.tenantId, input.bsn, now);
    const session = await createPortalSession(tx, { tenantId: input.tenantId, partyId, now });
    await recordPortalAudit(tx, {
      tenantId: input.tenantId,
      actorPartyId: partyId,
      at: now,
      action: "portal.login.oidc",
      partyIds: [partyId],
      objectType: "party",
      objectIds: [partyId],
      details: { verifiedBy: input.verifiedBy },
    });
    return { partyId, ...session };
  });
}
