import type { ChannelSender } from "../../features/delivery";
import type { Config } from "../../platform/config";
import { messageIdFor, subjectWithReference } from "./email-sender";

/** One email as the demo mailbox kept it. */
export type DemoMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  sentAt: Date;
  messageId: string;
};

/** An email sender that keeps messages in memory instead of sending them; the page /demo/postvak shows them. */
export type DemoMailbox = ChannelSender & {
  /** How many messages it keeps at most. */
  size: number;
  /** The kept messages, newest first. */
  messages(): DemoMail[];
};

export const DEMO_MAILBOX_SIZE = 200;

/** Used when the municipality has no sender address set (the demo municipality has none). */
const DEMO_FROM = "Omniloket (demo) <demopostvak@omniloket.invalid>";

/**
 * The demo's outbound email when no SMTP relay is configured: same interface as createEmailSender,
 * every message "delivered" into memory, at most `size` kept (the oldest go first). Nothing is logged.
 */
export function createDemoMailbox(options: { clock?: () => Date; size?: number } = {}): DemoMailbox {
  const clock = options.clock ?? (() => new Date());
  const size = options.size ?? DEMO_MAILBOX_SIZE;
  const kept: DemoMail[] = [];
  return {
    channel: "email",
    size,
    messages: () => [...kept].reverse(),
    async send(message, settings) {
      const from = settings.email?.from || DEMO_FROM;
      const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "omniloket.invalid";
      const messageId = messageIdFor(message, fromDomain);
      kept.push({
        from,
        to: message.to,
        subject: subjectWithReference(message.subject, message.questionReference),
        text: message.text,
        sentAt: clock(),
        messageId,
      });
      if (kept.length > size) kept.splice(0, kept.length - size);
      return { providerMessageId: messageId };
    },
  };
}

/**
 * The demo mailbox in demo mode without OMNILOKET_SMTP_RELAY_URL; null otherwise. With a relay, email
 * always goes through the relay; outside demo mode, without a relay, there is no email at all.
 */
export function demoMailboxFor(config: Pick<Config, "smtpRelayUrl">, demoMode: boolean): DemoMailbox | null {
  return demoMode && !config.smtpRelayUrl ? createDemoMailbox() : null;
}
