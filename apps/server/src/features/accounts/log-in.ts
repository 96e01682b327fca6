import { randomBytes } from "node:crypto";
import { schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { hashSecret, newSecret } from "../../platform/auth/tokens";
import type { AppDeps } from "../../platform/deps";
import { invalidCredentials } from "./accounts.errors";
import { DUMMY_HASH, verifyPassword } from "./passwords";

export type LogInResult = {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  secondFactorRequired: boolean;
  employee: { id: string; name: string; roles: string[] };
};

/**
 * Password login. Employees with a TOTP secret (always admins) get a half-open session that only the
 * second-factor step can complete.
 */
export async function logIn(
  deps: Pick<AppDeps, "database" | "clock" | "config">,
  input: { email: string; password: string; tenantSlug?: string },
): Promise<LogInResult> {
  const { db } = deps.database;
  const email = input.email.trim().toLowerCase();
  const rows = await db
    .select({ employee: schema.employees, tenantSlug: schema.tenants.slug })
    .from(schema.employees)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.employees.tenantId))
    .where(
      input.tenantSlug
        ? and(eq(schema.employees.email, email), eq(schema.tenants.slug, input.tenantSlug))
        : eq(schema.employees.email, email),
    );
  const match = rows.length === 1 ? rows[0] : undefined;
  const passwordOk = await verifyPassword(match?.employee.passwordHash ?? DUMMY_HASH, input.password);
  if (!match || !passwordOk || !match.employee.active) throw invalidCredentials();

  const sessionToken = newSecret("ols");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlMinutes * 60_000);
  const secondFactorRequired = match.employee.totpSecret !== null;
  await db.insert(schema.sessions).values({
    tokenHash: hashSecret(sessionToken),
    tenantId: match.employee.tenantId,
    employeeId: match.employee.id,
    csrfToken,
    secondFactorDone: !secondFactorRequired,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return {
    sessionToken,
    csrfToken,
    expiresAt,
    secondFactorRequired,
    employee: { id: match.employee.id, name: match.employee.name, roles: match.employee.roles },
  };
}
