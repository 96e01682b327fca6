import { createRoute, z } from "@hono/zod-openapi";
import { CHANNELS, defaultTopics } from "@omniloket/domain";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { problemResponses } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { jsonAnswer } from "./admin-schemas";

const route = createRoute({
  method: "get",
  path: "/admin/topics",
  tags: ["Administration"],
  summary: "The topic list and channels, to choose from when configuring teams, skills and norms",
  responses: {
    200: jsonAnswer(
      "Topics and channels",
      z
        .object({
          topics: z.array(z.object({ id: z.string(), nl: z.string(), en: z.string() })),
          channels: z.array(z.string()),
        })
        .openapi("AdminTopics"),
    ),
    ...problemResponses(401, 403),
  },
});

export function registerTopicRoutes(app: App, _deps: AppDeps) {
  app.openapi(route, (c) => {
    requirePrincipal(c, ["admin", "supervisor"]);
    const topics = defaultTopics.topics.map(({ id, nl, en }) => ({ id, nl, en }));
    return c.json({ topics, channels: [...CHANNELS] }, 200);
  });
}
