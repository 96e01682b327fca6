import { type Db, schema } from "@omniloket/db";
import { and, eq, sql } from "drizzle-orm";
import { partyForAddress } from "../identity";
import { hashLoginCode, MAX_LOGIN_CODE_ATTEMPTS, sameHash } from "./login-code";
import { createPortalSession } from "./portal-session";

export type VerifyLoginCodeResult =
  | { ok: true; token: string; expiresAt: Date; partyId: string }
  | { ok: false; reason: "no-code" | "expired" | "attempts" | "wrong"; attemptsLeft?: number };

/**
 * The resident types the code. Right (and fresh, unused, within five attempts): the code is spent, the
 * address (email or mobile number) counts as verified by code for the resident who owns it (or a new
 * resident), and a session starts. Wrong: one attempt used; the count is committed before the answer.
 */
export async function verifyLoginCode(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; codeId: string; code: string },
): Promise<VerifyLoginCodeResult> {
  const now = deps.clock();
  if (!/^[0-9a-f-]{36}$/i.test(input.codeId)) return { ok: false, reason: "no-code" };
  return deps.db.transaction(async (tx): Promise<VerifyLoginCodeResult> => {
    const [row] = await tx
      .select()
      .from(schema.portalLoginCodes)
      .where(
        and(
          eq(schema.portalLoginCodes.id, input.codeId),
          eq(schema.portalLoginCodes.tenantId, input.tenantId),
        ),
      )
      .for("update");
    if (!row || row.usedAt) return { ok: false, reason: "no-code" };
    if (row.attempts >= MAX_LOGIN_CODE_ATTEMPTS) return { ok: false, reason: "attempts" };
    if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    const given = input.code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(given) || !sameHash(row.codeHash, hashLoginCode(row.id, given))) {
      await tx
        .update(schema.portalLoginCodes)
        .set({ attempts: sql`${schema.portalLoginCodes.attempts} + 1` })
        .where(eq(schema.portalLoginCodes.id, row.id));
      const left = MAX_LOGIN_CODE_ATTEMPTS - row.attempts - 1;
      return left > 0
        ? { ok: false, reason: "wrong", attemptsLeft: left }
        : { ok: false, reason: "attempts" };
    }
    await tx
      .update(schema.portalLoginCodes)
      .set({ usedAt: now })
      .where(eq(schema.portalLoginCodes.id, row.id));
    const address = { kind: row.addressKind, value: row.address };
    const partyId = await partyForAddress(tx, row.tenantId, address, "code", now);
    const session = await createPortalSession(tx, { tenantId: row.tenantId, partyId, now });
    return { ok: true, partyId, ...session };
  });
}
