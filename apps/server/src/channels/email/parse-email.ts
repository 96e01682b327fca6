import { type AddressObject, type Attachment, type ParsedMail, simpleParser } from "mailparser";
import { htmlToPlainText, repairLatin1, separateNewText } from "./email-text";

export type InboundAttachment = { fileName: string; contentType: string; content: Buffer };

/** An inbound email as the channel needs it, whatever the client, charset or MIME shape. */
export type InboundEmail = {
  from: { address: string; name: string | null } | null;
  to: string[];
  cc: string[];
  subject: string;
  /** Our thread-key form, "<id@host>"; null when the message has none. */
  messageId: string | null;
  /** In-Reply-To first, then References, newest first, as thread keys. */
  inReplyTo: string[];
  date: Date | null;
  /** The new part of the message, without quoted history. */
  text: string;
  attachments: InboundAttachment[];
  autoReply: boolean;
  /** A delivery-status report, with the Message-ID of our message it is about when found. */
  bounce: { originalMessageId: string | null; diagnostic: string | null } | null;
};

/** Message-IDs as thread keys: one form, angle brackets, no whitespace. */
export function threadKeyOf(messageId: string): string | null {
  const bare = messageId.trim().replace(/^<|>$/g, "").trim();
  if (bare.length === 0 || /[\s<>]/.test(bare)) return null;
  return `<${bare}>`;
}

function messageIds(value: string | string[] | undefined): string[] {
  const all = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return (all.match(/<[^<>\s]+>/g) ?? []).flatMap((id) => threadKeyOf(id) ?? []);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((o) => o.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .flatMap((a) => (a.address ? [a.address.trim().toLowerCase()] : []));
}

function headerText(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "object" && "value" in value) return String(value.value).trim().toLowerCase();
  return String(value).trim().toLowerCase();
}

function isAutoReply(mail: ParsedMail): boolean {
  const submitted = headerText(mail, "auto-submitted");
  if (submitted && submitted !== "no") return true;
  if (headerText(mail, "x-autoreply") !== null || headerText(mail, "x-autorespond") !== null) return true;
  return ["bulk", "auto_reply", "junk"].includes(headerText(mail, "precedence") ?? "");
}

const reportParts = ["message/rfc822", "text/rfc822-headers", "message/rfc822-headers", "message/global"];

function findBounce(mail: ParsedMail, fromAddress: string | null): InboundEmail["bounce"] {
  const contentType = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> };
  const isReport =
    contentType?.value?.toLowerCase() === "multipart/report" &&
    contentType.params?.["report-type"]?.toLowerCase() === "delivery-status";
  const local = fromAddress?.split("@")[0]?.toLowerCase() ?? "";
  if (!isReport && local !== "mailer-daemon" && local !== "postmaster") return null;
  const sources = [
    ...mail.attachments
      .filter((a) => reportParts.includes(a.contentType.toLowerCase()))
      .map((a) => a.content),
    Buffer.from(mail.text ?? ""),
  ];
  let originalMessageId: string | null = null;
  for (const source of sources) {
    const found = /^Message-ID:\s*(<[^<>\s]+>)/im.exec(source.toString("utf8"));
    if (found?.[1]) {
      originalMessageId = threadKeyOf(found[1]);
      break;
    }
  }
  // mailparser reads the message/delivery-status part as text, some servers attach it.
  const statusText = [mail.text ?? "", ...mail.attachments.map((a) => a.content.toString("utf8"))].join("\n");
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(statusText)?.[1] ?? null;
  return { originalMessageId, diagnostic: diagnostic?.trim().slice(0, 500) ?? null };
}

function userAttachments(mail: ParsedMail): InboundAttachment[] {
  return (
    mail.attachments
      // Images referenced from the HTML (signature logos) are part of the layout, not sent files.
      .filter((a: Attachment) => !a.related && !reportParts.includes(a.contentType.toLowerCase()))
      .filter((a) => a.contentType.toLowerCase() !== "message/delivery-status")
      .map((a) => ({
        fileName: a.filename ?? "bijlage",
        contentType: a.contentType.toLowerCase(),
        content: a.content,
      }))
  );
}

/** Parses raw RFC 5322 bytes; never trusts the message to be well-formed. */
export async function parseEmail(raw: Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const sender = mail.from?.value.find((a) => a.address);
  const from = sender?.address
    ? { address: sender.address.trim(), name: sender.name ? repairLatin1(sender.name).trim() || null : null }
    : null;
  const body =
    typeof mail.text === "string" && mail.text.trim().length > 0
      ? mail.text
      : typeof mail.html === "string"
        ? htmlToPlainText(mail.html)
        : "";
  const inReplyTo = [...messageIds(mail.inReplyTo), ...messageIds(mail.references).reverse()];
  return {
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: repairLatin1(mail.subject ?? "").trim(),
    messageId: mail.messageId ? threadKeyOf(mail.messageId) : null,
    inReplyTo: [...new Set(inReplyTo)],
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text: separateNewText(repairLatin1(body)),
    attachments: userAttachments(mail),
    autoReply: isAutoReply(mail),
    bounce: findBounce(mail, from?.address ?? null),
  };
}
