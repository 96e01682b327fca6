import { createRoute, z } from "@hono/zod-openapi";
import { PERSONAL_DATA_ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { getQuestion } from "./get-question";

const getQuestionRoute = createRoute({
  method: "get",
  path: "/questions/{questionId}",
  tags: ["Questions"],
  summary: "One question with its interactions on every channel",
  request: { params: z.object({ questionId: z.uuid() }) },
  responses: {
    200: {
      description: "The question",
      headers: versionHeaders,
      content: { "application/json": { schema: z.any() } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerQuestionRoutes(app: App, deps: AppDeps) {
  app.openapi(getQuestionRoute, async (c) => {
    const principal = requirePrincipal(c, PERSONAL_DATA_ROLES);
    const purpose = purposeOf(c, [
      "contact-handling",
      "case-handling",
      "case-guidance",
      "quality-supervision",
      "system-integration",
    ]);
    const question = await getQuestion(
      { db: deps.database.db, clock: deps.clock },
      { principal, purpose, questionId: c.req.valid("param").questionId },
    );
    return c.json(question, 200);
  });
}
