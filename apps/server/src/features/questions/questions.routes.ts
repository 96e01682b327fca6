import { createRoute, z } from "@hono/zod-openapi";
import { PERSONAL_DATA_ROLES, type Purpose, type Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { addQuestionNote } from "./add-question-note";
import { changeQuestion } from "./change-question";
import { getQuestion } from "./get-question";
import { registerTopicListRoute } from "./topics.routes";

const READ_PURPOSES: readonly Purpose[] = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
  "system-integration",
];
const NOTE_PURPOSES: readonly Purpose[] = ["contact-handling", "case-handling", "case-guidance"];
const NOTE_ROLES: readonly Role[] = PERSONAL_DATA_ROLES.filter((role) => role !== "system");
const CHANGE_ROLES: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor"];
const STATUSES = ["open", "waiting-on-resident", "waiting-on-municipality", "resolved", "reopened"] as const;

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

const noteSchema = z
  .object({
    id: z.uuid(),
    questionId: z.uuid(),
    text: z.string(),
    createdAt: z.string().openapi({ format: "date-time" }),
    employeeId: z.uuid(),
    authorName: z.string().nullable(),
  })
  .openapi("QuestionNote");

const addNoteRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/notes",
  tags: ["Questions"],
  summary: "Add an internal note to a question (for colleagues; never sent to the resident)",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(z.object({ text: z.string().trim().min(1).max(5000) }).openapi("QuestionNoteInput")),
  },
  responses: {
    201: {
      description: "The note",
      headers: versionHeaders,
      content: { "application/json": { schema: noteSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const changeRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/_change",
  tags: ["Questions"],
  summary: "Change a question's topic (routes it to that topic's team) and/or status",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          topicId: z.string().min(1).max(60).optional().openapi({ description: "A known topic id." }),
          status: z.enum(STATUSES).optional(),
        })
        .openapi("QuestionChange"),
    ),
  },
  responses: {
    200: {
      description: "The question's topic, status and team after the change",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              questionId: z.uuid(),
              topicId: z.string().nullable(),
              status: z.enum(STATUSES),
              teamId: z.uuid().nullable(),
              employeeId: z.uuid().nullable(),
              visibleToYou: z
                .boolean()
                .openapi({ description: "False when the new topic takes the question out of your sight." }),
            })
            .openapi("QuestionChanged"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerQuestionRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(getQuestionRoute, async (c) => {
    const principal = requirePrincipal(c, PERSONAL_DATA_ROLES);
    const purpose = purposeOf(c, READ_PURPOSES);
    const question = await getQuestion(useCaseDeps, {
      principal,
      purpose,
      questionId: c.req.valid("param").questionId,
    });
    return c.json(question, 200);
  });
  app.openapi(addNoteRoute, async (c) => {
    const principal = requirePrincipal(c, NOTE_ROLES);
    const purpose = purposeOf(c, NOTE_PURPOSES);
    const note = await addQuestionNote(useCaseDeps, {
      principal,
      purpose,
      questionId: c.req.valid("param").questionId,
      text: c.req.valid("json").text,
    });
    return c.json(note, 201);
  });
  app.openapi(changeRoute, async (c) => {
    const principal = requirePrincipal(c, CHANGE_ROLES);
    const body = c.req.valid("json");
    return c.json(
      await changeQuestion(useCaseDeps, { principal, questionId: c.req.valid("param").questionId, ...body }),
      200,
    );
  });
  registerTopicListRoute(app);
}
