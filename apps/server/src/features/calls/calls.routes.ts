import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { wrapUpCall } from "./wrap-up-call";

const wrapUpRoute = createRoute({
  method: "post",
  path: "/interactions/{interactionId}/wrap-up",
  tags: ["Phone"],
  summary: "Write the note of a phone call and, if it was unknown, its topic",
  request: {
    params: z.object({ interactionId: z.uuid() }),
    body: jsonBody(
      z
        .object({ note: z.string().min(1).max(20_000), topicId: z.string().max(60).optional() })
        .openapi("CallWrapUp"),
    ),
  },
  responses: {
    200: {
      description: "Wrapped up",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({
            interactionId: z.uuid(),
            questionId: z.uuid(),
            topicId: z.string().nullable(),
            teamId: z.string().nullable(),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerCallRoutes(app: App, deps: AppDeps) {
  app.openapi(wrapUpRoute, async (c) => {
    const principal = requirePrincipal(c, ["agent", "back-office", "supervisor"]);
    const result = await wrapUpCall(
      { db: deps.database.db, clock: deps.clock },
      { principal, interactionId: c.req.valid("param").interactionId, ...c.req.valid("json") },
    );
    return c.json(result, 200);
  });
}
