import { randomUUID } from "node:crypto";
import type { IngestInteraction, IngestResult } from "@omniloket/contract";
import { schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { AppDeps } from "../../platform/deps";
import { invalidInput } from "../../platform/errors";
import { ingestInteraction } from "../ingest";

export type CounterVisitInput = {
  principal: Principal & { kind: "employee" };
  resident: IngestInteraction["sender"];
  /** Staff checked an ID document: this verifies the resident's BSN (DESIGN §5 identity levels). */
  idChecked: boolean;
  text: string;
  topicId?: string;
  questionId?: string;
  /** The client's own id for this registration, so a retried request is stored once. */
  externalId?: string;
};

/**
 * Staff register a counter visit: a contact like any other (through ingest), and when they checked an
 * ID document the resident's BSN becomes verified, with who checked it and when.
 */
export async function registerCounterVisit(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: CounterVisitInput,
): Promise<IngestResult & { verified: boolean }> {
  const { principal } = input;
  const bsn = input.resident.identifiers.find((i) => i.kind === "bsn");
  if (input.idChecked && !bsn) {
    throw invalidInput([
      {
        name: "resident.identifiers",
        code: "bsn-required",
        reason: "Een gecontroleerd identiteitsbewijs hoort bij een BSN.",
      },
    ]);
  }
  const result = await ingestInteraction(deps, {
    tenantId: principal.tenantId,
    actor: { employeeId: principal.employeeId },
    interaction: {
      channel: "counter",
      externalId: input.externalId ?? `counter-${randomUUID()}`,
      direction: "inbound",
      text: input.text,
      language: "nld",
      topicId: input.topicId,
      questionId: input.questionId,
      inReplyTo: [],
      sender: input.resident,
      subjectLinks: [],
      attachments: [],
      confidential: false,
    },
  });
  if (!input.idChecked || !result.partyId || result.repeated) return { ...result, verified: input.idChecked };

  const now = deps.clock();
  await deps.database.db.transaction(async (tx) => {
    await tx
      .update(schema.parties)
      .set({ identityLevel: "verified", updatedAt: now })
      .where(
        and(eq(schema.parties.id, result.partyId as string), eq(schema.parties.tenantId, principal.tenantId)),
      );
    await tx
      .update(schema.partyIdentifiers)
      .set({ verification: "counter-id-check", verifiedAt: now, verifiedByEmployeeId: principal.employeeId })
      .where(
        and(
          eq(schema.partyIdentifiers.partyId, result.partyId as string),
          eq(schema.partyIdentifiers.kind, "bsn"),
        ),
      );
    await recordAudit(tx, principal, now, {
      action: "identity.verify",
      purpose: "contact-handling",
      partyIds: [result.partyId as string],
      objectType: "party",
      objectIds: [result.partyId as string],
      details: { method: "counter-id-check" },
    });
  });
  return { ...result, verified: true };
}
