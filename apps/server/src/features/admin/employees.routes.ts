import { createRoute, z } from "@hono/zod-openapi";
import { ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { jsonAnswer, topicIdSchema } from "./admin-schemas";
import { listEmployees } from "./list-employees";
import { updateEmployee } from "./update-employee";

const employeeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    skillTopicIds: z.array(z.string()),
    languages: z.array(z.string()),
    teamIds: z.array(z.uuid()),
    active: z.boolean(),
  })
  .openapi("Employee");

const employeeChanges = z
  .object({
    roles: z.array(z.enum(ROLES)).min(1, "Kies minstens één rol.").max(ROLES.length),
    skillTopicIds: z.array(topicIdSchema).max(100).default([]),
    languages: z
      .array(z.string().regex(/^[a-z]{3}$/, "Een taalcode van drie letters (ISO 639-3), zoals nld."))
      .min(1, "Kies minstens één taal.")
      .max(20),
  })
  .openapi("EmployeeChanges");

const listRoute = createRoute({
  method: "get",
  path: "/admin/employees",
  tags: ["Administration"],
  summary: "This municipality's employees with roles, skills, languages and teams",
  responses: {
    200: jsonAnswer("The employees", z.object({ items: z.array(employeeSchema) }).openapi("Employees")),
    ...problemResponses(401, 403),
  },
});

const updateRoute = createRoute({
  method: "put",
  path: "/admin/employees/{id}",
  tags: ["Administration"],
  summary: "Change an employee's roles, topic skills and languages",
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(employeeChanges) },
  responses: { 200: jsonAnswer("Saved", employeeSchema), ...problemResponses(400, 401, 403, 404, 409) },
});

export function registerEmployeeRoutes(app: App, deps: AppDeps) {
  app.openapi(listRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json({ items: await listEmployees(deps.database.db, tenantId) }, 200);
  });
  app.openapi(updateRoute, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    const employee = await updateEmployee(
      { db: deps.database.db },
      { principal, employeeId: c.req.valid("param").id, changes: c.req.valid("json") },
    );
    return c.json(employee, 200);
  });
}
