import { createRoute, z } from "@hono/zod-openapi";
import { defaultTopics } from "@omniloket/domain";
import { ROLES } from "../../platform/auth/roles";
import { requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";

const route = createRoute({
  method: "get",
  path: "/topics",
  tags: ["Questions"],
  summary: "The topics a question can have, with Dutch and English names",
  responses: {
    200: {
      description: "Topics",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ topics: z.array(z.object({ id: z.string(), nl: z.string(), en: z.string() })) })
            .openapi("Topics"),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

export function registerTopicListRoute(app: App) {
  app.openapi(route, (c) => {
    requirePrincipal(c, ROLES);
    return c.json({ topics: defaultTopics.topics.map(({ id, nl, en }) => ({ id, nl, en })) }, 200);
  });
}
