import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { listDeadLetters, retryDeadLetter } from "../delivery";

const deadLetterSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    interactionId: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    deadAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("DeadLetter");

const listRoute = createRoute({
  method: "get",
  path: "/admin/dead-letters",
  tags: ["Administration"],
  summary: "Messages that could not be delivered after all retries",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: {
      description: "The dead-letter list",
      headers: versionHeaders,
      content: { "application/json": { schema: z.object({ items: z.array(deadLetterSchema) }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const retryRoute = createRoute({
  method: "post",
  path: "/admin/dead-letters/{id}/_retry",
  tags: ["Administration"],
  summary: "Queue a dead letter again",
  request: { params: z.object({ id: z.string().regex(/^\d+$/) }), body: jsonBody(z.object({}).strict()) },
  responses: {
    200: {
      description: "Queued again",
      headers: versionHeaders,
      content: { "application/json": { schema: z.object({ id: z.string() }) } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerDeadLetterRoutes(app: App, deps: AppDeps) {
  app.openapi(listRoute, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    return c.json(
      {
        items: await listDeadLetters(
          { db: deps.database.db },
          { tenantId: principal.tenantId, limit: c.req.valid("query").limit },
        ),
      },
      200,
    );
  });
  app.openapi(retryRoute, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    return c.json(
      await retryDeadLetter(
        { db: deps.database.db, clock: deps.clock },
        { tenantId: principal.tenantId, id: c.req.valid("param").id },
      ),
      200,
    );
  });
}
