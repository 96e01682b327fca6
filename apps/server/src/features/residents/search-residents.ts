import { type Db, schema } from "@omniloket/db";
import { type IdentifierKind, normaliseIdentifier, normalisePostcode } from "@omniloket/domain";
import { and, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { type InvalidParam, invalidInput } from "../../platform/errors";

export type ResidentSearchTerms = {
  name?: string;
  postcode?: string;
  email?: string;
  phone?: string;
  identifier?: { kind: IdentifierKind; value: string };
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Finds residents by name, postcode, email, phone or identifier. The terms come in a request body,
 * never a URL. Every party returned is recorded in the audit log (a list read is a read).
 */
export async function searchResidents(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; terms: ResidentSearchTerms; limit: number },
) {
  const { db } = deps;
  const { principal, terms } = input;
  const p = schema.parties;
  const problems: InvalidParam[] = [];
  const conditions: SQL[] = [];

  const exact: Array<{ kind: IdentifierKind; value: string; field: string }> = [];
  if (terms.email) exact.push({ kind: "email", value: terms.email, field: "email" });
  if (terms.phone) exact.push({ kind: "phone", value: terms.phone, field: "phone" });
  if (terms.identifier) exact.push({ ...terms.identifier, field: "identifier.value" });
  const normalised: Array<{ kind: IdentifierKind; value: string }> = [];
  for (const term of exact) {
    const result = normaliseIdentifier(term.kind, term.value);
    if (result.ok) normalised.push({ kind: term.kind, value: result.value });
    else
      problems.push({
        name: term.field,
        code: `invalid-${term.kind}`,
        reason: "Deze waarde heeft geen geldige vorm.",
      });
  }
  if (terms.postcode) {
    const postcode = normalisePostcode(terms.postcode);
    if (postcode.ok) conditions.push(eq(p.postcode, postcode.value));
    else
      problems.push({
        name: "postcode",
        code: "invalid-postcode",
        reason: "Postcode heeft niet de vorm 1234 AB.",
      });
  }
  if (terms.name) {
    const like = `%${escapeLike(terms.name.trim())}%`;
    const byName = or(ilike(p.displayName, like), ilike(p.familyName, like), ilike(p.organisationName, like));
    if (byName) conditions.push(byName);
  }
  if (problems.length > 0) throw invalidInput(problems);
  if (conditions.length === 0 && normalised.length === 0) {
    throw invalidInput(
      [{ name: "terms", code: "required", reason: "Geef ten minste één zoekterm." }],
      "Geef ten minste één zoekterm.",
    );
  }

  if (normalised.length > 0) {
    // Whatsapp and phone are the same number; a phone search finds both.
    const values = normalised.map((n) => n.value);
    const owners = await db
      .selectDistinct({ partyId: schema.partyIdentifiers.partyId })
      .from(schema.partyIdentifiers)
      .where(
        and(
          eq(schema.partyIdentifiers.tenantId, principal.tenantId),
          inArray(schema.partyIdentifiers.value, values),
        ),
      );
    conditions.push(
      inArray(
        p.id,
        owners.length > 0 ? owners.map((o) => o.partyId) : ["00000000-0000-0000-0000-000000000000"],
      ),
    );
  }

  const rows = await db
    .select({
      id: p.id,
      kind: p.kind,
      identityLevel: p.identityLevel,
      displayName: p.displayName,
      postcode: p.postcode,
      city: p.city,
      secret: p.secret,
    })
    .from(p)
    .where(and(eq(p.tenantId, principal.tenantId), isNull(p.mergedIntoId), ...conditions))
    .orderBy(p.displayName, p.id)
    .limit(input.limit);

  await recordAudit(db, principal, deps.clock(), {
    action: "residents.search",
    purpose: input.purpose,
    partyIds: rows.map((r) => r.id),
    objectType: "party",
    objectIds: rows.map((r) => r.id),
    details: { fields: Object.keys(terms) },
  });
  return { items: rows };
}
