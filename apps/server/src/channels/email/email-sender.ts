import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { type ChannelSender, type OutboundMessage, SendError } from "../../features/delivery";

// ISO 639-2/B (what interactions store) to the BCP 47 tag mail clients read.
const languageTags: Record<string, string> = {
  nld: "nl",
  eng: "en",
  fry: "fy",
  ger: "de",
  fre: "fr",
  spa: "es",
  tur: "tr",
  ara: "ar",
  pol: "pl",
  ukr: "uk",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string, languageTag: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .filter((p) => p.trim().length > 0)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>\n")}</p>`);
  return `<!doctype html><html lang="${languageTag}"><body>\n${paragraphs.join("\n")}\n</body></html>`;
}

export function subjectWithReference(subject: string | null, reference: string): string {
  const base = subject?.trim() ?? "";
  if (base.length === 0) return `Uw vraag ${reference}`;
  return base.toUpperCase().includes(reference.toUpperCase()) ? base : `${base} (uw vraag ${reference})`;
}

/** Ours, stable per message: a retry sends the same Message-ID, so the resident's reply threads either way. */
export function messageIdFor(
  message: Pick<OutboundMessage, "messageId" | "idempotencyKey">,
  fromDomain: string,
): string {
  if (message.messageId) return message.messageId;
  const id = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
  return `<${id}@${fromDomain}>`;
}

function isTransient(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === "number") return responseCode < 500;
  return ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPROTOCOL"].includes(
    code ?? "",
  );
}

/** Outbound email through the configured SMTP relay. */
export function createEmailSender(relayUrl: string): ChannelSender & { close(): void } {
  const transport = nodemailer.createTransport(relayUrl);
  return {
    channel: "email",
    close: () => transport.close(),
    async send(message, settings) {
      const from = settings.email?.from;
      if (!from) throw new SendError("Deze gemeente heeft geen afzenderadres voor e-mail ingesteld.", false);
      const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "omniloket.invalid";
      const messageId = messageIdFor(message, fromDomain);
      const languageTag = languageTags[message.language] ?? message.language;
      const replyTo = message.inReplyTo.at(-1);
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: subjectWithReference(message.subject, message.questionReference),
          text: message.text,
          html: textToHtml(message.text, languageTag),
          messageId,
          ...(replyTo ? { inReplyTo: replyTo, references: message.inReplyTo } : {}),
          headers: { "Content-Language": languageTag },
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new SendError(`E-mail niet verzonden: ${detail}`, isTransient(error));
      }
      return { providerMessageId: messageId };
    },
  };
}
