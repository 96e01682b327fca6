import { type Db, schema } from "@omniloket/db";
import { defaultTopics } from "@omniloket/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { loadQuestionForChange } from "../questions";

export const CANNED_TEXT_VARIABLES = ["voornaam", "kenmerk", "onderwerp"] as const;

/** Fills `{{name}}` placeholders; unknown names and missing values stay visible so the agent sees them. */
export function fillVariables(body: string, values: Record<string, string | null>): string {
  return body.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A canned text filled from the question and its resident; reads personal data, so audited. */
export async function renderCannedText(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; questionId: string; cannedTextId: string },
) {
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, input.principal, input.questionId);
    const [text] = await tx
      .select({ id: schema.cannedTexts.id, body: schema.cannedTexts.body })
      .from(schema.cannedTexts)
      .where(
        and(
          eq(schema.cannedTexts.id, input.cannedTextId),
          eq(schema.cannedTexts.tenantId, input.principal.tenantId),
        ),
      );
    if (!text) throw notFound("Deze standaardtekst");
    let givenName: string | null = null;
    if (question.residentPartyId) {
      const [party] = await tx
        .select({ givenName: schema.parties.givenName })
        .from(schema.parties)
        .where(eq(schema.parties.id, question.residentPartyId));
      givenName = party?.givenName ?? null;
    }
    const topic = defaultTopics.topics.find((t) => t.id === question.topicId);
    await recordAudit(tx, input.principal, deps.clock(), {
      action: "canned-text.render",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "question",
      objectIds: [question.id],
      details: { cannedTextId: text.id },
    });
    return {
      text: fillVariables(text.body, {
        voornaam: givenName,
        kenmerk: question.reference,
        onderwerp: topic?.nl ?? question.topicId ?? null,
      }),
    };
  });
}
