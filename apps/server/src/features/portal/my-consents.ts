import { type Db, schema } from "@omniloket/db";
import { and, desc, eq } from "drizzle-orm";
import { tenantSettings } from "../organisation";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** The purposes a resident decides on in the portal; "proactive-contact" is what the signals feature reads. */
export const CONSENT_PURPOSES = ["proactive-contact"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export type MyConsent = {
  purpose: ConsentPurpose;
  /** In effect now: the latest record, or the municipality's default when there is none. */
  given: boolean;
  /** The municipality's legal basis for this purpose when the resident recorded nothing. */
  basis: "opt-out" | "opt-in";
  /** null: nothing recorded, the default applies. */
  recordedAt: Date | null;
  source: string | null;
};

/** Latest record per purpose, with the default of the municipality's configured legal basis. */
export async function getMyConsents(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  options: { audit?: boolean } = {},
): Promise<MyConsent[]> {
  const { privacy } = await tenantSettings(deps.db, resident.tenantId);
  const rows = await deps.db
    .select()
    .from(schema.consents)
    .where(
      and(eq(schema.consents.tenantId, resident.tenantId), eq(schema.consents.partyId, resident.partyId)),
    )
    .orderBy(desc(schema.consents.recordedAt), desc(schema.consents.id));
  if (options.audit !== false)
    await recordPortalAudit(deps.db, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: deps.clock(),
      action: "portal.consents.read",
      partyIds: [resident.partyId],
      objectType: "party",
      objectIds: [resident.partyId],
    });
  return CONSENT_PURPOSES.map((purpose) => {
    const basis = privacy.proactiveContact;
    const latest = rows.find((r) => r.purpose === purpose);
    return latest
      ? { purpose, basis, given: latest.given, recordedAt: latest.recordedAt, source: latest.source }
      : { purpose, basis, given: basis === "opt-out", recordedAt: null, source: null };
  });
}

/**
 * The resident gives or withdraws consent for one purpose: a new consents row (source "portal"), so the
 * history stays. Readers take the latest row, so a withdrawal counts from the moment it is committed.
 */
export async function setMyConsent(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { purpose: string; given: boolean },
): Promise<{ ok: true } | { ok: false; field: "purpose" }> {
  const purpose = CONSENT_PURPOSES.find((p) => p === input.purpose);
  if (!purpose) return { ok: false, field: "purpose" };
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.consents)
      .values({
        tenantId: resident.tenantId,
        partyId: resident.partyId,
        purpose,
        given: input.given,
        recordedAt: now,
        source: "portal",
      })
      .returning({ id: schema.consents.id });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: input.given ? "portal.consent.give" : "portal.consent.withdraw",
      partyIds: [resident.partyId],
      objectType: "consent",
      objectIds: row ? [row.id] : [],
      details: { purpose, given: input.given },
    });
  });
  return { ok: true };
}
