import { type Db, schema } from "@omniloket/db";
import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";

type IdentifierRow = typeof schema.partyIdentifiers.$inferSelect;

/** Shows only the last three digits of a BSN, unless the caller is a privacy officer. */
export function shownIdentifierValue(principal: Principal, row: Pick<IdentifierRow, "kind" | "value">) {
  if (row.kind !== "bsn" || principal.roles.includes("privacy-officer")) {
    return { value: row.value, masked: false };
  }
  return { value: `${"*".repeat(Math.max(0, row.value.length - 3))}${row.value.slice(-3)}`, masked: true };
}

/** Identifiers with how and when each was verified (asserted by a channel counts as not verified). */
export async function loadIdentifiers(db: Db, principal: Principal, partyId: string) {
  const pi = schema.partyIdentifiers;
  const rows = await db
    .select({
      id: pi.id,
      kind: pi.kind,
      value: pi.value,
      verification: pi.verification,
      verifiedAt: pi.verifiedAt,
      createdAt: pi.createdAt,
      verifiedBy: schema.employees.name,
    })
    .from(pi)
    .leftJoin(schema.employees, eq(schema.employees.id, pi.verifiedByEmployeeId))
    .where(and(eq(pi.tenantId, principal.tenantId), eq(pi.partyId, partyId)))
    .orderBy(pi.kind, pi.createdAt);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...shownIdentifierValue(principal, r),
    verified: r.verification !== "asserted-by-channel",
    verification: r.verification,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    verifiedBy: r.verifiedBy ?? null,
    since: r.createdAt.toISOString(),
  }));
}

export async function loadDigitalAddresses(db: Db, tenantId: string, partyId: string) {
  const da = schema.digitalAddresses;
  const rows = await db
    .select()
    .from(da)
    .where(and(eq(da.tenantId, tenantId), eq(da.partyId, partyId)))
    .orderBy(desc(da.isDefault), da.kind, da.createdAt);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    address: r.address,
    isDefault: r.isDefault,
    description: r.description,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
  }));
}

/** The display names of these parties of the tenant (none asked, none looked up). */
async function partyDisplayNames(db: Db, tenantId: string, partyIds: string[]) {
  if (partyIds.length === 0) return [];
  return db
    .select({ id: schema.parties.id, displayName: schema.parties.displayName })
    .from(schema.parties)
    .where(and(eq(schema.parties.tenantId, tenantId), inArray(schema.parties.id, partyIds)));
}

/** Who acts for this resident, and for whom this resident acts; with basis (kind) and validity. */
export async function loadRepresentations(db: Db, tenantId: string, partyId: string, now: Date) {
  const r = schema.representations;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        eq(r.tenantId, tenantId),
        or(eq(r.representativePartyId, partyId), eq(r.representedPartyId, partyId)),
      ),
    )
    .orderBy(desc(r.validFrom));
  const otherIds = rows.map((row) =>
    row.representedPartyId === partyId ? row.representativePartyId : row.representedPartyId,
  );
  const names = await partyDisplayNames(db, tenantId, otherIds);
  const view = (row: (typeof rows)[number], otherId: string) => ({
    representationId: row.id,
    partyId: otherId,
    displayName: names.find((n) => n.id === otherId)?.displayName ?? null,
    basis: row.kind,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    current: row.validFrom <= now && (row.validUntil === null || row.validUntil > now),
  });
  return {
    representedBy: rows
      .filter((row) => row.representedPartyId === partyId)
      .map((row) => view(row, row.representativePartyId)),
    represents: rows
      .filter((row) => row.representativePartyId === partyId)
      .map((row) => view(row, row.representedPartyId)),
    partyIds: otherIds,
  };
}

/** General preferences, per-topic channels, and the latest consent decision per purpose. */
export async function loadPreferences(db: Db, tenantId: string, partyId: string) {
  const [general] = await db
    .select()
    .from(schema.preferences)
    .where(and(eq(schema.preferences.tenantId, tenantId), eq(schema.preferences.partyId, partyId)));
  const topics = await db
    .select({
      topicId: schema.topicChannelPreferences.topicId,
      channel: schema.topicChannelPreferences.channel,
    })
    .from(schema.topicChannelPreferences)
    .where(
      and(
        eq(schema.topicChannelPreferences.tenantId, tenantId),
        eq(schema.topicChannelPreferences.partyId, partyId),
      ),
    )
    .orderBy(schema.topicChannelPreferences.topicId);
  const c = schema.consents;
  const history = await db
    .select()
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.partyId, partyId)))
    .orderBy(c.purpose, desc(c.recordedAt), desc(c.id));
  const latest = history.filter((row, i) => i === 0 || history[i - 1]?.purpose !== row.purpose);
  return {
    preferences: general
      ? {
          preferredChannel: general.preferredChannel,
          language: general.language,
          needs: general.needs,
          noDigitalContact: general.noDigitalContact,
        }
      : null,
    topicChannelPreferences: topics,
    consents: latest.map((row) => ({
      purpose: row.purpose,
      granted: row.given,
      recordedAt: row.recordedAt.toISOString(),
      source: row.source,
    })),
  };
}

/** Merges that involve this party and can still be undone. */
export async function loadUndoableMerges(db: Db, tenantId: string, partyId: string) {
  const m = schema.partyMerges;
  const rows = await db
    .select()
    .from(m)
    .where(
      and(
        eq(m.tenantId, tenantId),
        isNull(m.undoneAt),
        or(eq(m.survivingPartyId, partyId), eq(m.mergedPartyId, partyId)),
      ),
    )
    .orderBy(desc(m.createdAt));
  const otherIds = rows.map((row) =>
    row.survivingPartyId === partyId ? row.mergedPartyId : row.survivingPartyId,
  );
  const names = await partyDisplayNames(db, tenantId, otherIds);
  return rows.map((row) => {
    const survived = row.survivingPartyId === partyId;
    const otherId = survived ? row.mergedPartyId : row.survivingPartyId;
    return {
      mergeId: row.id,
      kind: row.kind,
      role: survived ? ("absorbed" as const) : ("merged-into" as const),
      otherPartyId: otherId,
      otherDisplayName: names.find((n) => n.id === otherId)?.displayName ?? null,
      reason: row.reason,
      mergedAt: row.createdAt.toISOString(),
    };
  });
}

/** The resident's questions that are not resolved (and not merged into another question). */
export function loadOpenQuestions(db: Db, tenantId: string, partyId: string) {
  const q = schema.questions;
  return db
    .select({
      id: q.id,
      reference: q.reference,
      topicId: q.topicId,
      status: q.status,
      dueAt: q.dueAt,
      confidential: q.confidential,
      teamId: q.teamId,
    })
    .from(q)
    .where(
      and(
        eq(q.tenantId, tenantId),
        eq(q.residentPartyId, partyId),
        ne(q.status, "resolved"),
        isNull(q.mergedIntoId),
      ),
    )
    .orderBy(q.dueAt, q.reference);
}

export function loadOpenTasks(db: Db, tenantId: string, questionIds: string[]) {
  const t = schema.tasks;
  if (questionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: t.id, questionId: t.questionId, kind: t.kind, dueAt: t.dueAt, description: t.description })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.status, "open"), inArray(t.questionId, questionIds)))
    .orderBy(t.dueAt, t.createdAt);
}
