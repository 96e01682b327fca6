import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";
import type { FileStore } from "../../platform/storage/file-store";
import { questionAccessFor } from "../questions";

/**
 * The bytes of one attachment, for an employee who may see its question. A quarantined attachment is
 * never served, and neither is one on a question the caller may not see: both are "not found". Each
 * read is audit-logged with its purpose.
 */
export async function getAttachment(
  deps: { db: Db; files: FileStore; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; attachmentId: string },
) {
  const { db } = deps;
  const { principal } = input;
  const [row] = await db
    .select({
      id: schema.attachments.id,
      fileName: schema.attachments.fileName,
      contentType: schema.attachments.contentType,
      sha256: schema.attachments.sha256,
      quarantined: schema.attachments.quarantined,
      interactionId: schema.attachments.interactionId,
      questionId: schema.questions.id,
      residentPartyId: schema.questions.residentPartyId,
      topicId: schema.questions.topicId,
      confidential: schema.questions.confidential,
      teamId: schema.questions.teamId,
    })
    .from(schema.attachments)
    .innerJoin(schema.interactions, eq(schema.interactions.id, schema.attachments.interactionId))
    .innerJoin(schema.questions, eq(schema.questions.id, schema.interactions.questionId))
    .where(
      and(eq(schema.attachments.id, input.attachmentId), eq(schema.attachments.tenantId, principal.tenantId)),
    );
  if (!row || row.quarantined) throw notFound("Deze bijlage");
  const mayRead = await questionAccessFor(db, principal, input.purpose);
  if (!mayRead(row)) throw notFound("Deze bijlage");
  const bytes = await deps.files.get(row.sha256);
  if (!bytes) throw notFound("Deze bijlage");
  await recordAudit(db, principal, deps.clock(), {
    action: "attachment.read",
    purpose: input.purpose,
    partyIds: row.residentPartyId ? [row.residentPartyId] : [],
    objectType: "attachment",
    objectIds: [row.id],
    details: { questionId: row.questionId, interactionId: row.interactionId },
  });
  return { fileName: row.fileName, contentType: row.contentType, bytes };
}
