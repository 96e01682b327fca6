import { createHash } from "node:crypto";
import type { IngestInteraction, IngestResult } from "@omniloket/contract";
import type { Principal } from "../../platform/auth/principal";
import type { AppDeps } from "../../platform/deps";
import { invalidInput } from "../../platform/errors";
import { ingestInteraction } from "../ingest";

export type LetterInput = {
  principal: Principal & { kind: "employee" };
  sender: IngestInteraction["sender"];
  /** A summary typed by staff; the letter itself is the PDF. */
  text: string;
  subject?: string;
  topicId?: string;
  questionId?: string;
  receivedAt?: string;
  pdf: { fileName: string; contentBase64: string };
};

/**
 * A scanned letter with its PDF, on a question or as a new one. The same scan registered twice is stored
 * once (the external id is the PDF's sha256).
 */
export async function registerLetter(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: LetterInput,
): Promise<IngestResult> {
  const bytes = Buffer.from(input.pdf.contentBase64, "base64");
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
    throw invalidInput([
      { name: "pdf.contentBase64", code: "not-a-pdf", reason: "De scan moet een PDF-bestand zijn." },
    ]);
  }
  return ingestInteraction(deps, {
    tenantId: input.principal.tenantId,
    actor: { employeeId: input.principal.employeeId },
    interaction: {
      channel: "letter",
      externalId: `letter-${createHash("sha256").update(bytes).digest("hex")}`,
      occurredAt: input.receivedAt,
      direction: "inbound",
      subject: input.subject,
      text: input.text,
      language: "nld",
      topicId: input.topicId,
      questionId: input.questionId,
      inReplyTo: [],
      sender: input.sender,
      subjectLinks: [],
      attachments: [
        {
          fileName: input.pdf.fileName,
          contentType: "application/pdf",
          contentBase64: input.pdf.contentBase64,
        },
      ],
      confidential: false,
    },
  });
}
