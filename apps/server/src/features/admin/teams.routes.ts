import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { addTeam, addTeamMember, listTeams, removeTeamMember, updateTeam } from "../organisation";
import { jsonAnswer, noContent, topicIdSchema } from "./admin-schemas";

const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    topicIds: z.array(z.string()),
    isGeneral: z.boolean(),
    memberIds: z.array(z.uuid()),
  })
  .openapi("Team");

const teamInput = z
  .object({
    name: z.string().trim().min(2, "Een naam van minstens 2 tekens.").max(100),
    topicIds: z.array(topicIdSchema).max(100).default([]),
    isGeneral: z.boolean().default(false),
  })
  .openapi("TeamInput");

const listRoute = createRoute({
  method: "get",
  path: "/admin/teams",
  tags: ["Administration"],
  summary: "This municipality's teams with their topics and members",
  responses: {
    200: jsonAnswer("The teams", z.object({ items: z.array(teamSchema) }).openapi("Teams")),
    ...problemResponses(401, 403),
  },
});

const createTeamRoute = createRoute({
  method: "post",
  path: "/admin/teams",
  tags: ["Administration"],
  summary: "Add a team",
  request: { body: jsonBody(teamInput) },
  responses: { 201: jsonAnswer("Added", teamSchema), ...problemResponses(400, 401, 403, 409) },
});

const updateRoute = createRoute({
  method: "put",
  path: "/admin/teams/{id}",
  tags: ["Administration"],
  summary: "Change a team's name, topics and whether it is a general team",
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(teamInput) },
  responses: { 200: jsonAnswer("Saved", teamSchema), ...problemResponses(400, 401, 403, 404, 409) },
});

const memberParams = z.object({ id: z.uuid(), employeeId: z.uuid() });

const addMemberRoute = createRoute({
  method: "put",
  path: "/admin/teams/{id}/members/{employeeId}",
  tags: ["Administration"],
  summary: "Make an employee a member of the team",
  request: { params: memberParams },
  responses: { 204: noContent("A member"), ...problemResponses(400, 401, 403, 404) },
});

const removeMemberRoute = createRoute({
  method: "delete",
  path: "/admin/teams/{id}/members/{employeeId}",
  tags: ["Administration"],
  summary: "Take an employee out of the team",
  request: { params: memberParams },
  responses: { 204: noContent("Not a member"), ...problemResponses(400, 401, 403, 404) },
});

export function registerTeamRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db };
  app.openapi(listRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json({ items: await listTeams(deps.database.db, tenantId) }, 200);
  });
  app.openapi(createTeamRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json(await addTeam(useCaseDeps, { tenantId, team: c.req.valid("json") }), 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const team = await updateTeam(useCaseDeps, {
      tenantId,
      teamId: c.req.valid("param").id,
      team: c.req.valid("json"),
    });
    return c.json(team, 200);
  });
  app.openapi(addMemberRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const { id, employeeId } = c.req.valid("param");
    await addTeamMember(useCaseDeps, { tenantId, teamId: id, employeeId });
    return c.body(null, 204);
  });
  app.openapi(removeMemberRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const { id, employeeId } = c.req.valid("param");
    await removeTeamMember(useCaseDeps, { tenantId, teamId: id, employeeId });
    return c.body(null, 204);
  });
}
