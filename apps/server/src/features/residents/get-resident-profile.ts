import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";
import { questionAccessFor } from "../questions/question-access";
import {
  loadDigitalAddresses,
  loadIdentifiers,
  loadOpenQuestions,
  loadOpenTasks,
  loadPreferences,
  loadRepresentations,
  loadUndoableMerges,
} from "./resident-profile-parts";

/**
 * What the question view shows about a resident: identity and how each identifier was verified,
 * representatives, preferences and consents, open questions and tasks (need-to-know applies: questions
 * the caller may not see are left out and counted), and merges that can be undone. The read is audited
 * with every party whose name is shown.
 */
export async function getResidentProfile(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; partyId: string },
) {
  const { db } = deps;
  const { principal } = input;
  const tenantId = principal.tenantId;
  const p = schema.parties;
  const [party] = await db
    .select()
    .from(p)
    .where(and(eq(p.id, input.partyId), eq(p.tenantId, tenantId)));
  if (!party) throw notFound("Deze inwoner");
  const now = deps.clock();

  const identifiers = await loadIdentifiers(db, principal, party.id);
  const digitalAddresses = await loadDigitalAddresses(db, tenantId, party.id);
  const representations = await loadRepresentations(db, tenantId, party.id, now);
  const preferences = await loadPreferences(db, tenantId, party.id);
  const merges = await loadUndoableMerges(db, tenantId, party.id);
  const mayRead = await questionAccessFor(db, principal, input.purpose);
  const questions = await loadOpenQuestions(db, tenantId, party.id);
  const visible = questions.filter((q) => mayRead(q));
  const tasks = await loadOpenTasks(
    db,
    tenantId,
    visible.map((q) => q.id),
  );

  await recordAudit(db, principal, now, {
    action: "resident.profile.read",
    purpose: input.purpose,
    partyIds: [party.id, ...representations.partyIds, ...merges.map((m) => m.otherPartyId)],
    objectType: "party",
    objectIds: [party.id],
  });

  return {
    id: party.id,
    kind: party.kind,
    identityLevel: party.identityLevel,
    displayName:
      party.displayName ??
      ([party.givenName, party.familyNamePrefix, party.familyName, party.organisationName]
        .filter(Boolean)
        .join(" ") ||
        null),
    address: [party.street, party.houseNumber].filter(Boolean).join(" ") || null,
    postcode: party.postcode,
    city: party.city,
    birthDate: party.birthDate,
    secret: party.secret,
    mergedIntoId: party.mergedIntoId,
    identifiers,
    digitalAddresses,
    representedBy: representations.representedBy,
    represents: representations.represents,
    ...preferences,
    openQuestions: visible.map((q) => ({
      id: q.id,
      reference: q.reference,
      topicId: q.topicId,
      status: q.status,
      dueAt: q.dueAt?.toISOString() ?? null,
    })),
    hiddenQuestionCount: questions.length - visible.length,
    openTasks: tasks.map((t) => ({
      id: t.id,
      questionId: t.questionId,
      questionReference: visible.find((q) => q.id === t.questionId)?.reference ?? "",
      kind: t.kind,
      description: t.description,
      dueAt: t.dueAt?.toISOString() ?? null,
      overdue: t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
    })),
    merges,
  };
}

export type ResidentProfile = Awaited<ReturnType<typeof getResidentProfile>>;
