import { randomBytes } from "node:crypto";
import { type Db, type Queryable, schema } from "@omniloket/db";
import { and, eq, gt } from "drizzle-orm";
import { hashSecret } from "../../platform/auth/tokens";
import { PORTAL_SESSION_TTL_MS } from "./login-code";

/** A logged-in resident: whose data they may see is decided from `partyId` on every request. */
export type PortalResident = { tenantId: string; partyId: string; csrfToken: string; expiresAt: Date };

/** A new session: the token goes into the cookie, only its hash into the database. */
export async function createPortalSession(
  q: Queryable,
  input: { tenantId: string; partyId: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + PORTAL_SESSION_TTL_MS);
  await q.insert(schema.portalSessions).values({
    tokenHash: hashSecret(token),
    tenantId: input.tenantId,
    partyId: input.partyId,
    csrfToken: randomBytes(24).toString("base64url"),
    createdAt: input.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The resident of a session cookie, for this municipality only; null when unknown or expired. */
export async function loadPortalSession(
  db: Db,
  input: { tenantId: string; token: string; now: Date },
): Promise<PortalResident | null> {
  if (input.token.length < 20 || input.token.length > 100) return null;
  const [row] = await db
    .select()
    .from(schema.portalSessions)
    .where(
      and(
        eq(schema.portalSessions.tokenHash, hashSecret(input.token)),
        eq(schema.portalSessions.tenantId, input.tenantId),
        gt(schema.portalSessions.expiresAt, input.now),
      ),
    );
  if (!row) return null;
  return { tenantId: row.tenantId, partyId: row.partyId, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

/** Logout: the session is gone from the database, so the cookie is worthless even if kept. */
export async function endPortalSession(db: Db, token: string): Promise<void> {
  await db.delete(schema.portalSessions).where(eq(schema.portalSessions.tokenHash, hashSecret(token)));
}
