import { createRoute } from "@hono/zod-openapi";
import { ingestInteractionSchema, ingestResultSchema } from "@omniloket/contract";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { ingestInteraction } from "./ingest-interaction";

const route = createRoute({
  method: "post",
  path: "/interactions",
  tags: ["Interactions"],
  summary: "Deliver a contact from any channel",
  description:
    "The generic API channel: any system delivers a contact here. It lands exactly once (idempotent on channel and externalId) in the right question and in the resident's timeline.",
  security: [{ bearerAuth: [] }],
  request: { body: jsonBody(ingestInteractionSchema) },
  responses: {
    201: {
      description: "Accepted and stored",
      headers: versionHeaders,
      content: { "application/json": { schema: ingestResultSchema } },
    },
    200: {
      description: "Delivered before; the first result",
      headers: versionHeaders,
      content: { "application/json": { schema: ingestResultSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

export function registerIngestRoutes(app: App, deps: AppDeps) {
  app.openapi(route, async (c) => {
    const principal = requirePrincipal(c, ["system", "agent", "back-office", "admin"]);
    const result = await ingestInteraction(deps, {
      tenantId: principal.tenantId,
      interaction: c.req.valid("json"),
      actor: principal.kind === "employee" ? { employeeId: principal.employeeId } : {},
    });
    return c.json(result, result.repeated ? 200 : 201);
  });
}
