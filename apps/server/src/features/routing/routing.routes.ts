import { createRoute, z } from "@hono/zod-openapi";
import { LOAD_CHANNELS, PRESENCES } from "@omniloket/domain";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { assignQuestion } from "./assign-question";
import { listPresence } from "./list-presence";
import { listTransferTargets } from "./list-transfer-targets";
import { runRouting } from "./run-routing";
import { setPresence } from "./set-presence";
import { transferQuestion } from "./transfer-question";

const WORKERS: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor"];
const ASSIGNERS: readonly Role[] = ["agent", "back-office", "supervisor"];
const SUPERVISORS: readonly Role[] = ["supervisor"];
const RUNNERS: readonly Role[] = ["supervisor", "system"];

const presence = z.enum(PRESENCES);
const load = z.object(
  Object.fromEntries(LOAD_CHANNELS.map((c) => [c, z.number().int()])) as Record<
    (typeof LOAD_CHANNELS)[number],
    z.ZodNumber
  >,
);
const note = z.string().min(3).max(1000).openapi({ description: "Why; recorded in the audit log." });
const ok = (status: 200, description: string, schema: z.ZodType) => ({
  [status]: { description, headers: versionHeaders, content: { "application/json": { schema } } },
});

const putPresenceRoute = createRoute({
  method: "put",
  path: "/presence",
  tags: ["Routing"],
  summary: "Set your own presence (available, busy, away, offline)",
  request: { body: jsonBody(z.object({ presence })) },
  responses: {
    ...ok(
      200,
      "Presence set",
      z
        .object({ employeeId: z.uuid(), presence, updatedAt: z.string().openapi({ format: "date-time" }) })
        .openapi("OwnPresence"),
    ),
    ...problemResponses(400, 401, 403),
  },
});

const getPresenceRoute = createRoute({
  method: "get",
  path: "/presence",
  tags: ["Routing"],
  summary: "Employees' presence and current load per channel (supervisors)",
  responses: {
    ...ok(
      200,
      "Presence and load of every active employee",
      z
        .object({
          items: z.array(
            z.object({
              employeeId: z.uuid(),
              name: z.string(),
              presence,
              updatedAt: z.string().nullable().openapi({ format: "date-time" }),
              teamIds: z.array(z.uuid()),
              load,
              capacityUsed: z.number(),
            }),
          ),
        })
        .openapi("PresenceList"),
    ),
    ...problemResponses(400, 401, 403),
  },
});

const assignedSchema = z
  .object({ questionId: z.uuid(), teamId: z.uuid().nullable(), employeeId: z.uuid().nullable() })
  .openapi("QuestionAssignment");

const assignRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/_assign",
  tags: ["Routing"],
  summary: "Give a question to an employee who may see it",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(z.object({ employeeId: z.uuid(), note: note.optional() })),
  },
  responses: { ...ok(200, "Assigned", assignedSchema), ...problemResponses(400, 401, 403, 404, 409) },
});

const transferRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/_transfer",
  tags: ["Routing"],
  summary: "Hand a question to another team or employee, with a note",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(z.object({ teamId: z.uuid().optional(), employeeId: z.uuid().optional(), note })),
  },
  responses: { ...ok(200, "Transferred", assignedSchema), ...problemResponses(400, 401, 403, 404, 409) },
});

const transferTargetsRoute = createRoute({
  method: "get",
  path: "/questions/{questionId}/transfer-targets",
  tags: ["Routing"],
  summary: "The teams and colleagues this question may be transferred to (need-to-know applied)",
  request: { params: z.object({ questionId: z.uuid() }) },
  responses: {
    ...ok(
      200,
      "Teams and active colleagues who may receive the question; never the caller",
      z
        .object({
          teams: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              handlesTopic: z.boolean().openapi({ description: "The team handles the question's topic." }),
            }),
          ),
          employees: z.array(
            z.object({ id: z.uuid(), name: z.string(), presence, teamIds: z.array(z.uuid()) }),
          ),
        })
        .openapi("TransferTargets"),
    ),
    ...problemResponses(400, 401, 403, 404),
  },
});

const runRoute = createRoute({
  method: "post",
  path: "/routing/_run",
  tags: ["Routing"],
  summary: "Assign waiting questions to available employees by skills, capacity and due time",
  responses: {
    ...ok(
      200,
      "The assignments made",
      z
        .object({
          assignments: z.array(z.object({ questionId: z.uuid(), agentId: z.uuid(), reason: z.string() })),
        })
        .openapi("RoutingRun"),
    ),
    ...problemResponses(400, 401, 403),
  },
});

export function registerRoutingRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(putPresenceRoute, async (c) => {
    const principal = requirePrincipal(c, WORKERS);
    return c.json(await setPresence(useCaseDeps, { principal, presence: c.req.valid("json").presence }), 200);
  });
  app.openapi(getPresenceRoute, async (c) => {
    const principal = requirePrincipal(c, SUPERVISORS);
    return c.json(await listPresence(useCaseDeps, { principal }), 200);
  });
  app.openapi(assignRoute, async (c) => {
    const principal = requirePrincipal(c, ASSIGNERS);
    const body = c.req.valid("json");
    const result = await assignQuestion(useCaseDeps, {
      principal,
      questionId: c.req.valid("param").questionId,
      ...body,
    });
    return c.json(result, 200);
  });
  app.openapi(transferRoute, async (c) => {
    const principal = requirePrincipal(c, ASSIGNERS);
    const body = c.req.valid("json");
    const result = await transferQuestion(useCaseDeps, {
      principal,
      questionId: c.req.valid("param").questionId,
      ...body,
    });
    return c.json(result, 200);
  });
  app.openapi(transferTargetsRoute, async (c) => {
    const principal = requirePrincipal(c, ASSIGNERS);
    return c.json(
      await listTransferTargets(useCaseDeps, { principal, questionId: c.req.valid("param").questionId }),
      200,
    );
  });
  app.openapi(runRoute, async (c) => {
    const principal = requirePrincipal(c, RUNNERS);
    return c.json(await runRouting(useCaseDeps, { principal }), 200);
  });
}
