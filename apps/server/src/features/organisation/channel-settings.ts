import { timingSafeEqual } from "node:crypto";
import { type Queryable, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";

/**
 * How a municipality is connected to each channel, kept in its tenant settings (`settings.channels`).
 * Inbound messages find their municipality by the address they were sent to.
 */
export type ChannelSettings = {
  email?: {
    /** Addresses residents write to (lower-case); mail to any of them belongs to this municipality. */
    addresses: string[];
    /** From address for replies, e.g. "Gemeente Voorbeeldstad <contact@voorbeeldstad.nl>". */
    from: string;
    /** A mailbox Omniloket polls over IMAP (channels/email/imap-poller.ts). */
    imap?: ImapMailboxSettings;
  };
  sms?: {
    provider: "twilio";
    accountSid: string;
    authToken: string;
    /** The municipality's number in E.164; inbound SMS to it belong to this municipality. */
    from: string;
    /** Provider API base URL; configurable so tests can use a local fake provider. */
    baseUrl?: string;
  };
  phone?: PhoneSettings;
  chat?: ChatSettings;
  whatsapp?: {
    phoneNumberId: string;
    accessToken: string;
    appSecret: string;
    verifyToken: string;
    baseUrl?: string;
    /** Approved template names usable outside the 24-hour service window. */
    templates?: string[];
  };
};

export type ChannelKind = keyof ChannelSettings;

/**
 * An IMAP mailbox: `url` ("imap://user:pass@host:143", "imaps://…:993") or the separate fields.
 * Unseen mail in `mailbox` (default INBOX) is ingested, then marked seen and moved to `processedMailbox` if set.
 */
export type ImapMailboxSettings = {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  mailbox?: string;
  processedMailbox?: string;
};

/** The web chat widget (docs/decisions/0008-web-chat.md). */
export type ChatSettings = {
  /** Origins (scheme://host[:port]) of the municipality's sites that may embed the widget. */
  allowedOrigins: string[];
  /** After this many seconds in line the visitor is offered the alternatives; default 180. */
  maxWaitSeconds?: number;
  /** False switches the chat off; default on when this block exists. */
  enabled?: boolean;
};

/** The telephony platform's connection: its webhook is signed with `ctiSecret` (HMAC-SHA256). */
export type PhoneSettings = {
  /** The municipality's numbers in E.164; calls to them belong to this municipality. */
  numbers: string[];
  ctiSecret: string;
  /** IVR menu choice → topic id, e.g. { "1": "afval", "2": "belastingen" }. */
  ivrTopics?: Record<string, string>;
};

export async function channelSettings(q: Queryable, tenantId: string): Promise<ChannelSettings> {
  const [row] = await q
    .select({ settings: schema.tenants.settings })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return ((row?.settings as { channels?: ChannelSettings } | undefined)?.channels ?? {}) as ChannelSettings;
}

async function allChannelSettings(
  q: Queryable,
): Promise<Array<{ tenantId: string; channels: ChannelSettings }>> {
  const rows = await q
    .select({ id: schema.tenants.id, settings: schema.tenants.settings })
    .from(schema.tenants);
  return rows.map((row) => ({
    tenantId: row.id,
    channels: ((row.settings as { channels?: ChannelSettings } | null)?.channels ?? {}) as ChannelSettings,
  }));
}

/** The municipality a channel address belongs to (an email address, an SMS or phone number, a WhatsApp number id). */
export async function tenantForChannelAddress(
  q: Queryable,
  kind: ChannelKind,
  address: string,
): Promise<{ tenantId: string; settings: ChannelSettings } | null> {
  const wanted = address.trim();
  for (const { tenantId, channels } of await allChannelSettings(q)) {
    const matches =
      (kind === "email" && channels.email?.addresses.some((a) => a.toLowerCase() === wanted.toLowerCase())) ||
      (kind === "sms" && channels.sms?.from === wanted) ||
      (kind === "whatsapp" && channels.whatsapp?.phoneNumberId === wanted) ||
      (kind === "phone" && channels.phone?.numbers.includes(wanted));
    if (matches) return { tenantId, settings: channels };
  }
  return null;
}

/**
 * The municipality that configured this WhatsApp verify token. Meta's subscription check names no number,
 * so the token is all there is to go on; compared in constant time.
 */
export async function tenantForWhatsappVerifyToken(q: Queryable, token: string): Promise<string | null> {
  const given = Buffer.from(token, "utf8");
  for (const { tenantId, channels } of await allChannelSettings(q)) {
    const expected = Buffer.from(channels.whatsapp?.verifyToken ?? "", "utf8");
    if (expected.length > 0 && expected.length === given.length && timingSafeEqual(expected, given))
      return tenantId;
  }
  return null;
}
