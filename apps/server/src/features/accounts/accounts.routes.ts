import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../../platform/auth/authenticate";
import { ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { invalidSecondFactor } from "./accounts.errors";
import { completeSecondFactor } from "./complete-second-factor";
import { logIn } from "./log-in";
import { logOut } from "./log-out";

const sessionSchema = z
  .object({
    csrfToken: z
      .string()
      .openapi({ description: "Send as X-CSRF-Token on every unsafe request with this session." }),
    expiresAt: z.string(),
    secondFactorRequired: z.boolean(),
    employee: z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) }),
  })
  .openapi("Session");

const logInRoute = createRoute({
  method: "post",
  path: "/sessions",
  tags: ["Sessions"],
  summary: "Log in with email and password",
  request: {
    body: jsonBody(
      z.object({
        email: z.string().min(3).max(320),
        password: z.string().min(1).max(1000),
        tenant: z.string().max(100).optional(),
      }),
    ),
  },
  responses: {
    201: {
      description: "Session created (cookie set)",
      headers: versionHeaders,
      content: { "application/json": { schema: sessionSchema } },
    },
    ...problemResponses(400, 401),
  },
});

const secondFactorRoute = createRoute({
  method: "post",
  path: "/sessions/second-factor",
  tags: ["Sessions"],
  summary: "Complete the login with a TOTP code",
  request: { body: jsonBody(z.object({ code: z.string().min(6).max(10) })) },
  responses: {
    204: { description: "Session complete", headers: versionHeaders },
    ...problemResponses(400, 401),
  },
});

const currentRoute = createRoute({
  method: "get",
  path: "/sessions/current",
  tags: ["Sessions"],
  summary: "Who am I",
  responses: {
    200: {
      description: "The current principal",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({
            kind: z.string(),
            roles: z.array(z.string()),
            teamIds: z.array(z.string()),
            csrfToken: z.string().optional().openapi({
              description:
                "For a session: the token to send as X-CSRF-Token, so a reloaded page can continue.",
            }),
          }),
        },
      },
    },
    ...problemResponses(401),
  },
});

const logOutRoute = createRoute({
  method: "delete",
  path: "/sessions/current",
  tags: ["Sessions"],
  summary: "Log out",
  responses: { 204: { description: "Logged out", headers: versionHeaders }, ...problemResponses(401) },
});

export function registerAccountRoutes(app: App, deps: AppDeps) {
  app.openapi(logInRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await logIn(deps, { email: body.email, password: body.password, tenantSlug: body.tenant });
    setCookie(c, SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: "Strict",
      secure: new URL(c.req.url).protocol === "https:",
      path: "/",
      expires: result.expiresAt,
    });
    return c.json(
      {
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        secondFactorRequired: result.secondFactorRequired,
        employee: result.employee,
      },
      201,
    );
  });
  app.openapi(secondFactorRoute, async (c) => {
    const sessionToken = getCookie(c, SESSION_COOKIE);
    if (!sessionToken) throw invalidSecondFactor();
    await completeSecondFactor(deps, { sessionToken, code: c.req.valid("json").code });
    return c.body(null, 204);
  });
  app.openapi(currentRoute, (c) => {
    const principal = requirePrincipal(c, ROLES);
    // Same-origin only (no CORS on the API), so another site cannot read the session's CSRF token.
    const csrf = principal.kind === "employee" ? { csrfToken: principal.csrfToken } : {};
    return c.json({ kind: principal.kind, roles: principal.roles, teamIds: principal.teamIds, ...csrf }, 200);
  });
  app.openapi(logOutRoute, async (c) => {
    const principal = requirePrincipal(c, ROLES);
    if (principal.kind === "employee") await logOut(deps, { sessionTokenHash: principal.sessionTokenHash });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
}
