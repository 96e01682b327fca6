import { schema } from "@omniloket/db";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppDeps } from "../deps";
import { AppError } from "../errors";
import type { Principal } from "./principal";
import { isRole, type Role } from "./roles";
import { hashSecret } from "./tokens";

export const SESSION_COOKIE = "omniloket_session";
export const CSRF_HEADER = "x-csrf-token";

/** `installation`: the caller holds the local admin token (the CLI on the same machine); admin routes only. */
export type AuthVariables = { principal: Principal | null; installation: boolean };

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

async function fromBearer(deps: AppDeps, token: string): Promise<Principal | null> {
  const [row] = await deps.database.db
    .select()
    .from(schema.apiTokens)
    .where(and(eq(schema.apiTokens.tokenHash, hashSecret(token)), isNull(schema.apiTokens.revokedAt)));
  if (!row) return null;
  return {
    kind: "token",
    tenantId: row.tenantId,
    tokenId: row.id,
    roles: row.roles.filter(isRole),
    teamIds: [],
  };
}

async function fromSession(deps: AppDeps, token: string): Promise<Principal | null> {
  const tokenHash = hashSecret(token);
  const [row] = await deps.database.db
    .select({
      session: schema.sessions,
      employee: schema.employees,
      // In the same query: every request of a logged-in employee needs their teams.
      teamIds: sql<
        string[]
      >`array(SELECT tm.team_id::text FROM team_members tm WHERE tm.employee_id = ${schema.employees.id})`,
    })
    .from(schema.sessions)
    .innerJoin(schema.employees, eq(schema.employees.id, schema.sessions.employeeId))
    .where(and(eq(schema.sessions.tokenHash, tokenHash), gt(schema.sessions.expiresAt, deps.clock())));
  if (!row?.employee.active) return null;
  const roles = row.employee.roles.filter(isRole) as Role[];
  // A session waiting for its second factor may only finish the login.
  if (!row.session.secondFactorDone && (roles.includes("admin") || row.employee.totpSecret)) return null;
  return {
    kind: "employee",
    tenantId: row.session.tenantId,
    employeeId: row.employee.id,
    roles,
    teamIds: row.teamIds,
    sessionTokenHash: tokenHash,
    csrfToken: row.session.csrfToken,
  };
}

/** Sets `principal` from a bearer token or a session cookie; checks CSRF on unsafe session requests. */
export function authenticate(deps: AppDeps) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const authorization = c.req.header("authorization");
    let principal: Principal | null = null;
    c.set("installation", false);
    // The web chat's visitor routes carry their own credential (a chat session token, channels/chat),
    // and so do the residents' portal pages (their own session cookie and form token, portal/).
    if (c.req.path.startsWith("/chat/") || c.req.path.startsWith("/mijn/")) {
      c.set("principal", null);
      return next();
    }
    if (authorization?.startsWith("Bearer ")) {
      const bearer = authorization.slice("Bearer ".length).trim();
      if (deps.installationTokenHash && hashSecret(bearer) === deps.installationTokenHash) {
        c.set("installation", true);
        c.set("principal", null);
        return next();
      }
      principal = await fromBearer(deps, bearer);
      if (!principal)
        throw new AppError(
          "invalid-token",
          "unauthenticated",
          "Het toegangstoken is ongeldig of ingetrokken.",
        );
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) principal = await fromSession(deps, cookie);
      if (principal?.kind === "employee" && !safeMethods.has(c.req.method)) {
        if (c.req.header(CSRF_HEADER) !== principal.csrfToken) {
          throw new AppError(
            "csrf",
            "forbidden",
            "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw.",
          );
        }
      }
    }
    c.set("principal", principal);
    await next();
  });
}
