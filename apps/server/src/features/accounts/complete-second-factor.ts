import { schema } from "@omniloket/db";
import { and, eq, gt } from "drizzle-orm";
import { TOTP } from "otpauth";
import { hashSecret } from "../../platform/auth/tokens";
import type { AppDeps } from "../../platform/deps";
import { invalidSecondFactor } from "./accounts.errors";

export function totpFor(secret: string): TOTP {
  return new TOTP({ issuer: "Omniloket", algorithm: "SHA1", digits: 6, period: 30, secret });
}

/** Completes a half-open session with the current TOTP code (one step of clock drift allowed). */
export async function completeSecondFactor(
  deps: Pick<AppDeps, "database" | "clock">,
  input: { sessionToken: string; code: string },
): Promise<void> {
  const { db } = deps.database;
  const tokenHash = hashSecret(input.sessionToken);
  const [row] = await db
    .select({ secret: schema.employees.totpSecret })
    .from(schema.sessions)
    .innerJoin(schema.employees, eq(schema.employees.id, schema.sessions.employeeId))
    .where(and(eq(schema.sessions.tokenHash, tokenHash), gt(schema.sessions.expiresAt, deps.clock())));
  if (!row?.secret) throw invalidSecondFactor();
  const delta = totpFor(row.secret).validate({
    token: input.code.replace(/\s/g, ""),
    timestamp: deps.clock().getTime(),
    window: 1,
  });
  if (delta === null) throw invalidSecondFactor();
  await db
    .update(schema.sessions)
    .set({ secondFactorDone: true })
    .where(eq(schema.sessions.tokenHash, tokenHash));
}
