import { createRoute, z } from "@hono/zod-openapi";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { MAX_CHAT_MESSAGE_CHARS } from "./chat-text";
import { endChatByEmployee } from "./end-chat";
import { getQuestionChat } from "./get-question-chat";
import { sendEmployeeMessage } from "./send-employee-message";
import { sendTyping } from "./send-typing";

const CHAT_ROLES: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor"];
const READ_PURPOSES = ["contact-handling", "case-handling", "case-guidance", "quality-supervision"] as const;
const dateTime = (description?: string) =>
  z.string().openapi({ format: "date-time", ...(description ? { description } : {}) });

const chatMessageSchema = z
  .object({
    id: z.string().openapi({ description: "Position in the chat; later messages have a higher id." }),
    sender: z.enum(["visitor", "employee", "system"]),
    employeeId: z.uuid().nullable(),
    employeeName: z
      .string()
      .nullable()
      .openapi({ description: "Who wrote an employee line (for colleagues; never sent to the visitor)." }),
    text: z.string().openapi({ description: "Plain text; never HTML." }),
    createdAt: dateTime(),
  })
  .openapi("ChatMessage");

const chatSessionSchema = z
  .object({
    id: z.uuid(),
    interactionId: z.uuid(),
    status: z.enum(["waiting", "active", "ended"]),
    topicId: z.string().nullable(),
    employeeId: z.uuid().nullable(),
    partyId: z.uuid().nullable(),
    language: z.string(),
    identifiedEmail: z.string().nullable().openapi({ description: "Verified by an emailed code." }),
    startedAt: dateTime(),
    acceptedAt: dateTime().nullable(),
    endedAt: dateTime().nullable(),
    endReason: z.string().nullable(),
    wrapUp: z.string().nullable(),
    messages: z.array(chatMessageSchema),
  })
  .openapi("ChatSession");

const getRoute = createRoute({
  method: "get",
  path: "/questions/{questionId}/chat",
  tags: ["Chat"],
  summary: "The web chats of a question with their messages",
  request: {
    params: z.object({ questionId: z.uuid() }),
    headers: z.object({
      "omniloket-purpose": z
        .string()
        .optional()
        .openapi({ description: "Narrow the declared purpose of this read." }),
    }),
  },
  responses: {
    200: {
      description: "The chats",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              questionId: z.uuid(),
              questionReference: z.string(),
              sessions: z.array(chatSessionSchema),
            })
            .openapi("QuestionChat"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const sessionParams = z.object({ chatSessionId: z.uuid() });

const messageRoute = createRoute({
  method: "post",
  path: "/chat-sessions/{chatSessionId}/messages",
  tags: ["Chat"],
  summary: "Write in a chat; the first line from an employee accepts the chat",
  request: {
    params: sessionParams,
    body: jsonBody(
      z.object({ text: z.string().max(MAX_CHAT_MESSAGE_CHARS * 2) }).openapi("ChatMessageInput"),
    ),
  },
  responses: {
    201: {
      description: "The message",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              id: z.string(),
              sender: z.enum(["visitor", "employee", "system"]),
              text: z.string(),
              at: dateTime(),
            })
            .openapi("ChatMessageSent"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const typingRoute = createRoute({
  method: "post",
  path: "/chat-sessions/{chatSessionId}/_typing",
  tags: ["Chat"],
  summary: "Tell the visitor the employee is typing",
  request: { params: sessionParams },
  responses: {
    204: { description: "Told", headers: versionHeaders },
    ...problemResponses(400, 401, 403, 404),
  },
});

const endRoute = createRoute({
  method: "post",
  path: "/chat-sessions/{chatSessionId}/_end",
  tags: ["Chat"],
  summary: "End a chat with a wrap-up",
  request: {
    params: sessionParams,
    body: jsonBody(
      z
        .object({
          wrapUp: z.string().min(1).max(5000).openapi({ description: "What was done or agreed." }),
          reason: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .openapi({ description: "Why the employee ended it." }),
        })
        .openapi("ChatEnd"),
    ),
  },
  responses: {
    200: {
      description: "Ended",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({ id: z.uuid(), status: z.literal("ended") }).openapi("ChatEnded"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** The employee's side of the web chat (session auth, need-to-know on the question). */
export function registerChatEmployeeRoutes(app: App, deps: AppDeps) {
  const use = { db: deps.database.db, clock: deps.clock };
  app.openapi(getRoute, async (c) => {
    const principal = requirePrincipal(c, CHAT_ROLES);
    const purpose = purposeOf(c, READ_PURPOSES);
    return c.json(
      await getQuestionChat(use, { principal, purpose, questionId: c.req.valid("param").questionId }),
      200,
    );
  });
  app.openapi(messageRoute, async (c) => {
    const principal = requirePrincipal(c, CHAT_ROLES);
    const message = await sendEmployeeMessage(use, {
      principal,
      sessionId: c.req.valid("param").chatSessionId,
      text: c.req.valid("json").text,
    });
    return c.json(message, 201);
  });
  app.openapi(typingRoute, async (c) => {
    const principal = requirePrincipal(c, CHAT_ROLES);
    await sendTyping(use, { principal, sessionId: c.req.valid("param").chatSessionId });
    return c.body(null, 204);
  });
  app.openapi(endRoute, async (c) => {
    const principal = requirePrincipal(c, CHAT_ROLES);
    const body = c.req.valid("json");
    return c.json(
      await endChatByEmployee(use, {
        principal,
        sessionId: c.req.valid("param").chatSessionId,
        wrapUp: body.wrapUp,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
      200,
    );
  });
}
