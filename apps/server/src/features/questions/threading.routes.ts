import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { decideThreadingSuggestion } from "./decide-threading-suggestion";
import { mergeQuestions } from "./merge-questions";
import { moveInteraction } from "./move-interaction";
import { splitQuestion } from "./split-question";

const roles = ["agent", "back-office", "supervisor", "admin"] as const;
const reason = z.string().min(3).max(1000).openapi({ description: "Why; recorded in the audit log." });
const ok = (name: string, schema: z.ZodType) => ({
  200: { description: name, headers: versionHeaders, content: { "application/json": { schema } } },
  ...problemResponses(400, 401, 403, 404, 409),
});

const moveRoute = createRoute({
  method: "post",
  path: "/interactions/{interactionId}/_move",
  tags: ["Threading"],
  summary: "Move a contact to another question",
  request: {
    params: z.object({ interactionId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          targetQuestionId: z.uuid().optional(),
          targetReference: z
            .string()
            .min(3)
            .max(80)
            .optional()
            .openapi({ description: "The target's reference as a person reads it (instead of its id)." }),
          reason,
        })
        .refine((b) => (b.targetQuestionId === undefined) !== (b.targetReference === undefined), {
          path: ["targetQuestionId"],
          message: "Geef precies één van targetQuestionId en targetReference.",
        }),
    ),
  },
  responses: ok(
    "Moved",
    z.object({
      interactionId: z.uuid(),
      fromQuestionId: z.uuid(),
      toQuestionId: z.uuid(),
      sourceMerged: z.boolean(),
    }),
  ),
});

const mergeRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/_merge",
  tags: ["Threading"],
  summary: "Merge another question into this one",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(z.object({ mergedQuestionId: z.uuid(), reason })),
  },
  responses: ok(
    "Merged",
    z.object({ questionId: z.uuid(), movedInteractions: z.number(), movedTasks: z.number() }),
  ),
});

const splitRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/_split",
  tags: ["Threading"],
  summary: "Split contacts off into a new question",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(
      z.object({
        interactionIds: z.array(z.uuid()).min(1).max(500),
        topicId: z.string().max(60).nullable().default(null),
        reason,
      }),
    ),
  },
  responses: ok(
    "Split",
    z.object({ questionId: z.uuid(), reference: z.string(), movedInteractions: z.number() }),
  ),
});

const decideRoute = createRoute({
  method: "post",
  path: "/threading-suggestions/{suggestionId}/_decide",
  tags: ["Threading"],
  summary: "Accept or reject a suggested link between a contact and a question",
  request: {
    params: z.object({ suggestionId: z.uuid() }),
    body: jsonBody(z.object({ decision: z.enum(["accept", "reject"]), reason })),
  },
  responses: ok("Decided", z.object({ suggestionId: z.uuid(), status: z.string() })),
});

export function registerThreadingRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(moveRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const body = c.req.valid("json");
    return c.json(
      await moveInteraction(useCaseDeps, {
        principal,
        interactionId: c.req.valid("param").interactionId,
        ...body,
      }),
      200,
    );
  });
  app.openapi(mergeRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const body = c.req.valid("json");
    return c.json(
      await mergeQuestions(useCaseDeps, {
        principal,
        survivingQuestionId: c.req.valid("param").questionId,
        ...body,
      }),
      200,
    );
  });
  app.openapi(splitRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const body = c.req.valid("json");
    return c.json(
      await splitQuestion(useCaseDeps, { principal, questionId: c.req.valid("param").questionId, ...body }),
      200,
    );
  });
  app.openapi(decideRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const body = c.req.valid("json");
    return c.json(
      await decideThreadingSuggestion(useCaseDeps, {
        principal,
        suggestionId: c.req.valid("param").suggestionId,
        ...body,
      }),
      200,
    );
  });
}
