import { createRoute, z } from "@hono/zod-openapi";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { queueStats } from "./queue-stats";

const SUPERVISORS: readonly Role[] = ["supervisor", "admin"];

const seconds = z.number().int().nullable();

const queuesRoute = createRoute({
  method: "get",
  path: "/supervision/queues",
  tags: ["Supervision"],
  summary: "Queue depth and waiting-time distribution per channel (supervisors)",
  responses: {
    200: {
      description: "Per channel of first contact: open questions and how long unanswered ones wait",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(
                z.object({
                  channel: z.string(),
                  depth: z.number().int(),
                  waitingSeconds: z.object({ p50: seconds, p90: seconds, max: seconds }),
                  histogram: z.array(
                    z.object({
                      fromSeconds: z.number().int(),
                      toSeconds: z.number().int().nullable(),
                      count: z.number().int(),
                    }),
                  ),
                }),
              ),
            })
            .openapi("QueueStatsList"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerSupervisionRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(queuesRoute, async (c) => {
    const principal = requirePrincipal(c, SUPERVISORS);
    return c.json(await queueStats(useCaseDeps, { principal }), 200);
  });
}
