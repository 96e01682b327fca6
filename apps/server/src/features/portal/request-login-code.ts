import { randomUUID } from "node:crypto";
import { type Db, schema } from "@omniloket/db";
import { and, count, eq, gt } from "drizzle-orm";
import type { ChannelSender } from "../delivery";
import { channelSettings } from "../organisation";
import { hashLoginCode, LOGIN_CODE_TTL_MS, MAX_LOGIN_CODES_PER_HOUR, newLoginCode } from "./login-code";

export type RequestLoginCodeResult =
  | { ok: true; codeId: string }
  | { ok: false; reason: "too-many" | "not-sent" | "no-channel" };

export type LoginCodeText = { subject: string; text: (code: string) => string; language: "nld" | "eng" };

/** Where a login code goes: a normalised email address or a normalised (E.164) mobile number. */
export type LoginAddress = { kind: "email" | "phone"; value: string };

/** The senders of login codes, one per address kind; null where none is configured. */
export type LoginCodeSenders = { email: ChannelSender | null; sms: ChannelSender | null };

/**
 * A resident asks for a login code for the portal: a six-digit code goes to their (normalised) email
 * address by email, or to their mobile number by SMS. It is sent straight through the municipality's
 * sender and never stored in clear, not even in the outbox: a code that does not arrive is asked for
 * again (it is valid ten minutes anyway). Its hash is kept with the address; at most
 * MAX_LOGIN_CODES_PER_HOUR codes per address an hour, whichever its kind.
 */
export async function requestLoginCode(
  deps: { db: Db; clock: () => Date; senders: LoginCodeSenders },
  input: { tenantId: string; address: LoginAddress; message: LoginCodeText },
): Promise<RequestLoginCodeResult> {
  const now = deps.clock();
  const { kind, value } = input.address;
  const [recent] = await deps.db
    .select({ n: count() })
    .from(schema.portalLoginCodes)
    .where(
      and(
        eq(schema.portalLoginCodes.tenantId, input.tenantId),
        eq(schema.portalLoginCodes.addressKind, kind),
        eq(schema.portalLoginCodes.address, value),
        gt(schema.portalLoginCodes.createdAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  if ((recent?.n ?? 0) >= MAX_LOGIN_CODES_PER_HOUR) return { ok: false, reason: "too-many" };
  const sender = kind === "email" ? deps.senders.email : deps.senders.sms;
  if (!sender) return { ok: false, reason: "not-sent" };
  const settings = await channelSettings(deps.db, input.tenantId);
  // A municipality without an SMS provider offers login by email only.
  if (kind === "phone" && !settings.sms) return { ok: false, reason: "no-channel" };

  const codeId = randomUUID();
  const code = newLoginCode();
  // Written first, so the request counts against the throttle even when sending fails.
  await deps.db.insert(schema.portalLoginCodes).values({
    id: codeId,
    tenantId: input.tenantId,
    addressKind: kind,
    address: value,
    codeHash: hashLoginCode(codeId, code),
    expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS),
    createdAt: now,
  });
  try {
    await sender.send(
      {
        idempotencyKey: `portal.login-code:${codeId}`,
        tenantId: input.tenantId,
        channel: kind === "email" ? "email" : "sms",
        to: value,
        subject: input.message.subject,
        text: input.message.text(code),
        language: input.message.language,
        // Not about a question: an empty reference leaves the subject as it is.
        questionReference: "",
        messageId: null,
        inReplyTo: [],
        template: null,
      },
      settings,
    );
  } catch {
    // The reason may name the address; the code row expires unused.
    return { ok: false, reason: "not-sent" };
  }
  return { ok: true, codeId };
}
