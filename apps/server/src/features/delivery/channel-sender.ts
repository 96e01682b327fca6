import type { Channel } from "@omniloket/domain";
import type { ChannelSettings } from "../organisation";

/** One message on its way out, as a channel adapter needs it. Ids only where possible. */
export type OutboundMessage = {
  /** Stable per message: a retry carries the same key, so a provider that supports it never sends twice. */
  idempotencyKey: string;
  tenantId: string;
  channel: Channel;
  /** Email address or E.164 number. */
  to: string;
  subject: string | null;
  text: string;
  /** ISO 639-2/B, e.g. "nld" or "eng". */
  language: string;
  questionReference: string;
  /** Email: our Message-ID for this message, so replies thread on it. */
  messageId: string | null;
  /** Email: the resident's Message-IDs this answers. */
  inReplyTo: string[];
  /** WhatsApp outside the 24-hour window: an approved template instead of free text. */
  template: string | null;
};

export type SendResult = { providerMessageId: string };

/** Failures a channel adapter reports: retry later, or give up now (a bad address, a refused message). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "SendError";
  }
}

/** A channel adapter's outbound half: translate and transport, never touch the database. */
export type ChannelSender = {
  channel: Channel;
  send(message: OutboundMessage, settings: ChannelSettings): Promise<SendResult>;
};
