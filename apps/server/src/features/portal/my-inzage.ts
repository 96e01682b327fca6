import { type Db, schema } from "@omniloket/db";
import { SIGNAL_RULES } from "@omniloket/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { tenantSettings } from "../organisation";
import { getMyConsents, type MyConsent } from "./my-consents";
import { readPreferences } from "./my-preferences";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** At most this many access-log lines in one inzage (newest first); the privacy officer has the rest. */
export const INZAGE_ACCESS_LIMIT = 2000;

export type InzageAccess = {
  at: Date;
  /** "resident" (you), "employee", "system". */
  who: "resident" | "employee" | "system";
  /** Per the municipality's policy: the employee's roles (default) or their name. */
  employee: { roles: string[]; teams: string[]; name: string | null } | null;
  action: string;
  purpose: string;
};

/** GDPR art. 15: what the municipality holds on the resident (their own data only, never whom they represent). */
export type MyInzage = {
  generatedAt: Date;
  reference: string;
  person: { displayName: string | null; givenName: string | null; familyName: string | null };
  identifiers: Array<{
    kind: string;
    value: string;
    verification: string;
    verifiedAt: Date | null;
    since: Date;
  }>;
  questions: Array<{
    reference: string;
    status: string;
    topicId: string | null;
    openedAt: Date;
    contacts: Array<{
      at: Date;
      channel: string;
      direction: string;
      subject: string | null;
      text: string;
    }>;
  }>;
  preferences: {
    preferredChannel: string | null;
    language: string | null;
    needs: string[];
    noDigitalContact: boolean;
    topics: Array<{ topicId: string; channel: string }>;
  };
  consents: MyConsent[];
  consentHistory: Array<{ purpose: string; given: boolean; at: Date; source: string }>;
  accessLog: InzageAccess[];
  /** What the signal rules found about the resident (issue 7), with the rule, its version and why. */
  signals: InzageSignal[];
  employeeNamesShown: boolean;
};

export type InzageSignal = {
  ruleId: string;
  ruleVersion: number;
  description: string;
  explanation: string;
  status: "open" | "accepted" | "dismissed" | "snoozed";
  detectedAt: Date;
};

const ruleDescriptions = new Map(
  SIGNAL_RULES.map((rule) => [
    rule.id,
    rule.description.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in rule.parameters ? String((rule.parameters as Record<string, unknown>)[name]) : match,
    ),
  ]),
);

/**
 * Everything held on this resident: identifiers and how they were verified, questions with their
 * contacts, preferences, consents and who looked at their data for which purpose (audit_events naming
 * them). Employees are shown by role and team unless the municipality chose names. The read itself is
 * audit-logged (`action` tells page from download).
 */
export async function getMyInzage(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { action: "portal.inzage.read" | "portal.inzage.download-json" | "portal.inzage.download-pdf" },
): Promise<MyInzage> {
  const { db } = deps;
  const now = deps.clock();
  const { tenantId, partyId } = resident;
  const { privacy } = await tenantSettings(db, tenantId);
  const [party] = await db
    .select({
      displayName: schema.parties.displayName,
      givenName: schema.parties.givenName,
      familyName: schema.parties.familyName,
    })
    .from(schema.parties)
    .where(and(eq(schema.parties.tenantId, tenantId), eq(schema.parties.id, partyId)));
  const identifiers = await db
    .select({
      kind: schema.partyIdentifiers.kind,
      value: schema.partyIdentifiers.value,
      verification: schema.partyIdentifiers.verification,
      verifiedAt: schema.partyIdentifiers.verifiedAt,
      since: schema.partyIdentifiers.createdAt,
    })
    .from(schema.partyIdentifiers)
    .where(and(eq(schema.partyIdentifiers.tenantId, tenantId), eq(schema.partyIdentifiers.partyId, partyId)))
    .orderBy(asc(schema.partyIdentifiers.createdAt));
  const q = schema.questions;
  const questions = await db
    .select({ id: q.id, reference: q.reference, status: q.status, topicId: q.topicId, openedAt: q.openedAt })
    .from(q)
    .where(and(eq(q.tenantId, tenantId), eq(q.residentPartyId, partyId)))
    .orderBy(desc(q.openedAt));
  const i = schema.interactions;
  const ip = schema.interactionParties;
  const contacts =
    questions.length === 0
      ? []
      : await db
          .selectDistinct({
            id: i.id,
            questionId: i.questionId,
            at: i.occurredAt,
            channel: i.channel,
            direction: i.direction,
            subject: i.subject,
            text: i.text,
          })
          .from(i)
          .innerJoin(ip, eq(ip.interactionId, i.id))
          .where(
            and(
              eq(i.tenantId, tenantId),
              eq(ip.timelinePartyId, partyId),
              inArray(
                i.questionId,
                questions.map((x) => x.id),
              ),
            ),
          )
          .orderBy(asc(i.occurredAt), asc(i.id));
  const preferences = await readPreferences(db, tenantId, partyId);
  const consents = await getMyConsents(deps, resident, { audit: false });
  const signalRows = await db
    .select({
      ruleId: schema.signals.ruleId,
      ruleVersion: schema.signals.ruleVersion,
      explanation: schema.signals.explanation,
      status: schema.signals.status,
      detectedAt: schema.signals.detectedAt,
    })
    .from(schema.signals)
    .where(and(eq(schema.signals.tenantId, tenantId), eq(schema.signals.partyId, partyId)))
    .orderBy(desc(schema.signals.detectedAt));
  const consentHistory = await db
    .select({
      purpose: schema.consents.purpose,
      given: schema.consents.given,
      at: schema.consents.recordedAt,
      source: schema.consents.source,
    })
    .from(schema.consents)
    .where(and(eq(schema.consents.tenantId, tenantId), eq(schema.consents.partyId, partyId)))
    .orderBy(desc(schema.consents.recordedAt));
  const a = schema.auditEvents;
  const events = await db
    .select({ at: a.at, actorType: a.actorType, actorId: a.actorId, action: a.action, purpose: a.purpose })
    .from(a)
    .where(and(eq(a.tenantId, tenantId), sql`${a.partyIds} @> ARRAY[${partyId}]::uuid[]`))
    .orderBy(desc(a.at), desc(a.id))
    .limit(INZAGE_ACCESS_LIMIT);
  const employeeIds = [
    ...new Set(events.filter((e) => e.actorType === "employee").map((e) => e.actorId)),
  ].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const employees =
    employeeIds.length === 0
      ? []
      : await db
          .select({ id: schema.employees.id, name: schema.employees.name, roles: schema.employees.roles })
          .from(schema.employees)
          .where(and(eq(schema.employees.tenantId, tenantId), inArray(schema.employees.id, employeeIds)));
  const memberships =
    employeeIds.length === 0
      ? []
      : await db
          .select({ employeeId: schema.teamMembers.employeeId, team: schema.teams.name })
          .from(schema.teamMembers)
          .innerJoin(schema.teams, eq(schema.teams.id, schema.teamMembers.teamId))
          .where(inArray(schema.teamMembers.employeeId, employeeIds));
  const accessLog: InzageAccess[] = events.map((e) => {
    if (e.actorType === "resident" && e.actorId === partyId)
      return { at: e.at, who: "resident", employee: null, action: e.action, purpose: e.purpose };
    if (e.actorType === "employee") {
      const employee = employees.find((x) => x.id === e.actorId);
      return {
        at: e.at,
        who: "employee",
        employee: {
          roles: employee?.roles ?? [],
          teams: memberships.filter((m) => m.employeeId === e.actorId).map((m) => m.team),
          name: privacy.inzageEmployeeNames ? (employee?.name ?? null) : null,
        },
        action: e.action,
        purpose: e.purpose,
      };
    }
    return { at: e.at, who: "system", employee: null, action: e.action, purpose: e.purpose };
  });
  await recordPortalAudit(db, {
    tenantId,
    actorPartyId: partyId,
    at: now,
    action: input.action,
    partyIds: [partyId],
    objectType: "party",
    objectIds: [partyId],
  });
  return {
    generatedAt: now,
    reference: partyId,
    person: party ?? { displayName: null, givenName: null, familyName: null },
    identifiers,
    questions: questions.map((x) => ({
      reference: x.reference,
      status: x.status,
      topicId: x.topicId,
      openedAt: x.openedAt,
      contacts: contacts
        .filter((c) => c.questionId === x.id)
        .map(({ at, channel, direction, subject, text }) => ({ at, channel, direction, subject, text })),
    })),
    preferences,
    consents,
    consentHistory,
    accessLog,
    signals: signalRows.map((row) => ({
      ...row,
      description: ruleDescriptions.get(row.ruleId) ?? row.ruleId,
    })),
    employeeNamesShown: privacy.inzageEmployeeNames,
  };
}
