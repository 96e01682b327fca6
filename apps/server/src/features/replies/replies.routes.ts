import { createRoute, z } from "@hono/zod-openapi";
import { REPLY_CHANNELS } from "@omniloket/domain";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { replyToQuestion } from "./reply-to-question";
import { suggestReplyChannel } from "./suggest-reply-channel";

const roles = ["agent", "back-office", "case-guide", "supervisor"] as const;
const channelSchema = z.enum(REPLY_CHANNELS);

const replyRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/replies",
  tags: ["Replies"],
  summary: "Answer a question on the channel the reply rule picks (or another, with a reason)",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          text: z.string().min(1).max(20_000),
          subject: z.string().max(300).optional(),
          channel: channelSchema
            .optional()
            .openapi({ description: "Only to deviate from the reply rule; needs overrideReason." }),
          overrideReason: z.string().min(3).max(1000).optional(),
          template: z
            .string()
            .max(200)
            .optional()
            .openapi({ description: "An approved WhatsApp template, outside the 24-hour window." }),
        })
        .openapi("ReplyInput"),
    ),
  },
  responses: {
    201: {
      description: "Queued for delivery (or a task for a call or letter)",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              interactionId: z.uuid(),
              channel: channelSchema,
              suggestedChannel: channelSchema.nullable(),
              suggestionReason: z.string(),
              overridden: z.boolean(),
            })
            .openapi("Reply"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const suggestionRoute = createRoute({
  method: "get",
  path: "/questions/{questionId}/reply-channel",
  tags: ["Replies"],
  summary: "The channel the reply rule suggests, with its reason",
  request: { params: z.object({ questionId: z.uuid() }) },
  responses: {
    200: {
      description: "The suggestion",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({
            channel: channelSchema.nullable(),
            reason: z.string(),
            reachable: z.array(channelSchema),
            noDigitalContact: z.boolean(),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerReplyRoutes(app: App, deps: AppDeps) {
  app.openapi(replyRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const reply = await replyToQuestion(
      { db: deps.database.db, clock: deps.clock },
      { principal, questionId: c.req.valid("param").questionId, ...c.req.valid("json") },
    );
    return c.json(reply, 201);
  });
  app.openapi(suggestionRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    return c.json(
      await suggestReplyChannel(
        { db: deps.database.db },
        { principal, questionId: c.req.valid("param").questionId },
      ),
      200,
    );
  });
}
