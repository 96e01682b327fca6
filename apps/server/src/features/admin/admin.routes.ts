import { createRoute, z } from "@hono/zod-openapi";
import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { AppError, forbidden } from "../../platform/errors";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App, AppContext } from "../../platform/http/types";
import { isUniqueViolation } from "../../platform/unique-violation";
import { addEmployee, createApiToken } from "../accounts";
import { registerCounterLocationRoutes } from "../appointments";
import { addTenant, resolveTenant } from "../organisation";
import { registerEmployeeRoutes } from "./employees.routes";
import { registerRoutingSettingsRoutes } from "./routing-settings.routes";
import { registerTeamRoutes } from "./teams.routes";
import { registerTopicRoutes } from "./topics.routes";
import { registerWebFormRoutes } from "./web-forms.routes";

const roleSchema = z.enum(ROLES);

const emailTaken = () =>
  new AppError("email-taken", "conflict", "Er is al een medewerker met dit e-mailadres.", [
    { name: "email", code: "taken", reason: "Dit e-mailadres is al in gebruik." },
  ]);

/**
 * Who may administer which municipality: the local installation token (the CLI on the server's own
 * machine) may do anything; an admin only in their own municipality.
 */
async function adminTenant(
  c: AppContext,
  deps: AppDeps,
  slug: string | undefined,
): Promise<{ id: string; slug: string }> {
  if (c.get("installation")) return resolveTenant(deps.database.db, slug);
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated", "unauthenticated", "Log eerst in.");
  if (!principal.roles.includes("admin")) throw forbidden();
  const [own] = await deps.database.db
    .select({ id: schema.tenants.id, slug: schema.tenants.slug })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, principal.tenantId));
  if (!own || (slug && own.slug !== slug)) throw forbidden("U kunt alleen uw eigen gemeente beheren.");
  return own;
}

const created = (name: string, schema: z.ZodType) => ({
  201: { description: name, headers: versionHeaders, content: { "application/json": { schema } } },
  ...problemResponses(400, 401, 403, 404, 409),
});

const tenantRoute = createRoute({
  method: "post",
  path: "/admin/tenants",
  tags: ["Administration"],
  summary: "Add a municipality (installation administrators only)",
  request: {
    body: jsonBody(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]{2,40}$/),
        name: z.string().min(2).max(200),
        oin: z.string().max(20).optional(),
      }),
    ),
  },
  responses: created(
    "Added",
    z.object({ id: z.uuid(), slug: z.string(), name: z.string(), generalTeamId: z.uuid() }),
  ),
});

const employeeRoute = createRoute({
  method: "post",
  path: "/admin/employees",
  tags: ["Administration"],
  summary: "Add an employee; the one-time password is returned once",
  request: {
    body: jsonBody(
      z.object({
        tenant: z.string().optional(),
        email: z.email(),
        name: z.string().min(2).max(200),
        roles: z.array(roleSchema).min(1),
      }),
    ),
  },
  responses: created(
    "Added",
    z.object({ id: z.uuid(), email: z.string(), password: z.string(), totpSecret: z.string().nullable() }),
  ),
});

const tokenRoute = createRoute({
  method: "post",
  path: "/admin/api-tokens",
  tags: ["Administration"],
  summary: "Create a bearer token for a system; returned once",
  request: {
    body: jsonBody(
      z.object({
        tenant: z.string().optional(),
        name: z.string().min(2).max(200),
        roles: z.array(roleSchema).min(1).default(["system"]),
      }),
    ),
  },
  responses: created("Created", z.object({ id: z.uuid(), token: z.string() })),
});

export function registerAdminRoutes(app: App, deps: AppDeps) {
  registerTeamRoutes(app, deps);
  registerEmployeeRoutes(app, deps);
  registerRoutingSettingsRoutes(app, deps);
  registerWebFormRoutes(app, deps);
  registerTopicRoutes(app, deps);
  registerCounterLocationRoutes(app, deps);
  app.openapi(tenantRoute, async (c) => {
    if (!c.get("installation"))
      throw forbidden("Alleen de beheerder van de installatie kan gemeenten toevoegen.");
    const tenant = await addTenant(deps.database.db, c.req.valid("json"));
    return c.json(tenant, 201);
  });
  app.openapi(employeeRoute, async (c) => {
    const body = c.req.valid("json");
    const tenant = await adminTenant(c, deps, body.tenant);
    try {
      const employee = await addEmployee(deps.database.db, {
        tenantId: tenant.id,
        name: body.name,
        email: body.email,
        roles: body.roles,
      });
      return c.json(employee, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  });
  app.openapi(tokenRoute, async (c) => {
    const body = c.req.valid("json");
    const tenant = await adminTenant(c, deps, body.tenant);
    return c.json(
      await createApiToken(deps.database.db, { tenantId: tenant.id, name: body.name, roles: body.roles }),
      201,
    );
  });
}
