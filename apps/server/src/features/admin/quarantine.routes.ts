import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../../platform/audit";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { listQuarantinedMessages } from "../quarantine";

const route = createRoute({
  method: "get",
  path: "/admin/quarantined-messages",
  tags: ["Administration"],
  summary: "Inbound messages that could not be ingested, with their reason",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: {
      description: "Quarantined messages",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  channel: z.string(),
                  reason: z.string(),
                  receivedAt: z.string(),
                  summary: z.record(z.string(), z.unknown()),
                }),
              ),
            })
            .openapi("QuarantinedMessages"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerQuarantineRoutes(app: App, deps: AppDeps) {
  app.openapi(route, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    const items = await listQuarantinedMessages(
      { db: deps.database.db },
      { tenantId: principal.tenantId, limit: c.req.valid("query").limit },
    );
    // A summary may name a sender: reading the list is logged like any read of personal data.
    await recordAudit(deps.database.db, principal, deps.clock(), {
      action: "quarantine.read",
      purpose: "administration",
      partyIds: [],
      objectType: "quarantined-message",
      objectIds: items.map((i) => i.id),
    });
    return c.json({ items }, 200);
  });
}
