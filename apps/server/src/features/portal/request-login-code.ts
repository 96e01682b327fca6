import { randomUUID } from "node:crypto";
import { type Db, schema } from "@omniloket/db";
import { and, count, eq, gt } from "drizzle-orm";
import type { ChannelSender } from "../delivery";
import { channelSettings } from "../organisation";
import { hashLoginCode, LOGIN_CODE_TTL_MS, MAX_LOGIN_CODES_PER_HOUR, newLoginCode } from "./login-code";

export type RequestLoginCodeResult =
  | { ok: true; codeId: string }
  | { ok: false; reason: "too-many" | "not-sent" };

export type LoginCodeText = { subject: string; text: (code: string) => string; language: "nld" | "eng" };

/**
 * A resident asks for a login code for the portal: a six-digit code goes to their (normalised) email
 * address. It is sent straight through the municipality's email sender and never stored in clear, not
 * even in the outbox: a code that does not arrive is asked for again (it is valid ten minutes anyway).
 * Its hash is kept with the address; at most MAX_LOGIN_CODES_PER_HOUR codes per address an hour.
 */
export async function requestLoginCode(
  deps: { db: Db; clock: () => Date; sender: ChannelSender | null },
  input: { tenantId: string; email: string; message: LoginCodeText },
): Promise<RequestLoginCodeResult> {
  const now = deps.clock();
  const [recent] = await deps.db
    .select({ n: count() })
    .from(schema.portalLoginCodes)
    .where(
      and(
        eq(schema.portalLoginCodes.tenantId, input.tenantId),
        eq(schema.portalLoginCodes.addressKind, "email"),
        eq(schema.portalLoginCodes.address, input.email),
        gt(schema.portalLoginCodes.createdAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  if ((recent?.n ?? 0) >= MAX_LOGIN_CODES_PER_HOUR) return { ok: false, reason: "too-many" };
  if (!deps.sender) return { ok: false, reason: "not-sent" };

  const codeId = randomUUID();
  const code = newLoginCode();
  // Written first, so the request counts against the throttle even when sending fails.
  await deps.db.insert(schema.portalLoginCodes).values({
    id: codeId,
    tenantId: input.tenantId,
    addressKind: "email",
    address: input.email,
    codeHash: hashLoginCode(codeId, code),
    expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS),
    createdAt: now,
  });
  try {
    const settings = await channelSettings(deps.db, input.tenantId);
    await deps.sender.send(
      {
        idempotencyKey: `portal.login-code:${codeId}`,
        tenantId: input.tenantId,
        channel: "email",
        to: input.email,
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
