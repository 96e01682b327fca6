import { createHash } from "node:crypto";
import { type IngestResult, ingestInteractionSchema } from "@omniloket/contract";
import { normaliseIdentifier } from "@omniloket/domain";
import { recordDeliveryStatus } from "../../features/delivery";
import { ingestInteraction } from "../../features/ingest";
import { tenantForChannelAddress } from "../../features/organisation";
import { quarantineMessage } from "../../features/quarantine";
import { questionForThreadKeys } from "../../features/questions";
import type { AppDeps } from "../../platform/deps";
import { type InboundEmail, parseEmail } from "./parse-email";

export const MAX_EMAIL_ATTACHMENTS = 10;

export type ReceiveEmailResult =
  | { kind: "ingested"; result: IngestResult }
  | { kind: "bounce"; found: boolean }
  | { kind: "quarantined"; reason: QuarantineReason; id: string };

export type QuarantineReason =
  | "unparseable"
  | "unknown-recipient"
  | "no-sender"
  | "auto-reply"
  | "bounce-unmatched";

type Deps = Pick<AppDeps, "database" | "clock" | "config" | "files">;

/**
 * The email channel, independent of how the mail arrived (SMTP, IMAP): find the municipality by
 * recipient, then record a bounce, keep an auto-reply only on an existing question, or ingest.
 * `recipients` are the envelope recipients when the transport knows them; otherwise To and Cc.
 * `tenantId` is given by a transport that already knows the municipality (its own IMAP mailbox).
 */
export async function receiveEmail(
  deps: Deps,
  input: { raw: Buffer; recipients?: string[]; tenantId?: string },
): Promise<ReceiveEmailResult> {
  const quarantine = async (tenantId: string | null, reason: QuarantineReason, mail: InboundEmail | null) => {
    const summary = mail
      ? {
          from: mail.from?.address ?? null,
          to: [...mail.to, ...mail.cc].slice(0, 20),
          subject: mail.subject.slice(0, 300),
          messageId: mail.messageId,
        }
      : { sizeBytes: input.raw.byteLength };
    const { id } = await quarantineMessage(deps, {
      tenantId,
      channel: "email",
      reason,
      raw: input.raw,
      summary,
    });
    return { kind: "quarantined", reason, id } as const;
  };

  let mail: InboundEmail;
  try {
    mail = await parseEmail(input.raw);
  } catch {
    return quarantine(null, "unparseable", null);
  }
  const tenant = input.tenantId
    ? { tenantId: input.tenantId }
    : await findTenant(deps, [...(input.recipients ?? []), ...mail.to, ...mail.cc]);
  if (!tenant) return quarantine(null, "unknown-recipient", mail);

  if (mail.bounce) {
    if (!mail.bounce.originalMessageId) return quarantine(tenant.tenantId, "bounce-unmatched", mail);
    const { found } = await recordDeliveryStatus(
      { db: deps.database.db, clock: deps.clock },
      {
        tenantId: tenant.tenantId,
        channel: "email",
        providerMessageId: mail.bounce.originalMessageId,
        status: "failed",
        error: mail.bounce.diagnostic ?? "E-mail kon niet worden bezorgd.",
      },
    );
    return found ? { kind: "bounce", found } : quarantine(tenant.tenantId, "bounce-unmatched", mail);
  }

  const sender = mail.from ? normaliseIdentifier("email", mail.from.address) : null;
  if (!sender?.ok) return quarantine(tenant.tenantId, "no-sender", mail);

  // An auto-reply never opens a question: it is kept only when it answers a message we know.
  if (mail.autoReply) {
    const threadKeys = mail.inReplyTo.slice(0, 50);
    const known = await questionForThreadKeys(deps, { tenantId: tenant.tenantId, threadKeys });
    if (!known) return quarantine(tenant.tenantId, "auto-reply", mail);
  }

  const attachments = withAttachmentNotes(mail, deps.config.attachmentMaxBytes);
  const interaction = ingestInteractionSchema.parse({
    channel: "email",
    externalId: externalIdOf(mail, input.raw),
    occurredAt: occurredAt(mail, deps.clock()),
    subject: mail.subject.slice(0, 300) || undefined,
    text: attachments.text.slice(0, 100_000),
    threadKey: mail.messageId ?? undefined,
    inReplyTo: mail.inReplyTo.filter((k) => k.length <= 500).slice(0, 50),
    sender: {
      kind: "person",
      identifiers: [{ kind: "email", value: sender.value }],
      name: nameOf(mail.from?.name ?? null),
    },
    attachments: attachments.kept,
  });
  return {
    kind: "ingested",
    result: await ingestInteraction(deps, { tenantId: tenant.tenantId, interaction }),
  };
}

async function findTenant(deps: Deps, recipients: string[]) {
  for (const address of new Set(recipients.map((r) => r.trim().toLowerCase()))) {
    const tenant = await tenantForChannelAddress(deps.database.db, "email", address);
    if (tenant) return tenant;
  }
  return null;
}

function externalIdOf(mail: InboundEmail, raw: Buffer): string {
  if (mail.messageId && mail.messageId.length <= 200) return mail.messageId;
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

// The Date header is the sender's claim; a clock far off would misplace the mail in the timeline.
function occurredAt(mail: InboundEmail, now: Date): string {
  const date = mail.date;
  if (!date || date > now || now.getTime() - date.getTime() > 7 * 86_400_000) return now.toISOString();
  return date.toISOString();
}

function nameOf(displayName: string | null) {
  const parts = (displayName ?? "").replace(/["']/g, "").trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { familyName: parts[0]?.slice(0, 200) };
  return { givenName: parts[0]?.slice(0, 200), familyName: parts.slice(1).join(" ").slice(0, 200) };
}

const contentTypePattern = /^[\w.+-]+\/[\w.+-]+$/;

/** Attachments within the limits, and the text with a note for each one that was dropped. */
function withAttachmentNotes(mail: InboundEmail, maxBytes: number) {
  const notes: string[] = [];
  const kept: Array<{ fileName: string; contentType: string; contentBase64: string }> = [];
  for (const attachment of mail.attachments) {
    const name = attachment.fileName.slice(0, 200) || "bijlage";
    if (attachment.content.byteLength > maxBytes) notes.push(`[bijlage ‘${name}’ te groot, niet opgeslagen]`);
    else if (kept.length >= MAX_EMAIL_ATTACHMENTS)
      notes.push(
        `[bijlage ‘${name}’ boven het maximum van ${MAX_EMAIL_ATTACHMENTS} bijlagen, niet opgeslagen]`,
      );
    else
      kept.push({
        fileName: name,
        contentType: contentTypePattern.test(attachment.contentType)
          ? attachment.contentType.slice(0, 200)
          : "application/octet-stream",
        contentBase64: attachment.content.toString("base64"),
      });
  }
  const text = notes.length > 0 ? [mail.text, ...notes].filter(Boolean).join("\n\n") : mail.text;
  return { text, kept };
}
