import { createRoute, z } from "@hono/zod-openapi";
import { REPLY_CHANNELS } from "@omniloket/domain";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { completeTask } from "./complete-task";
import { createTask } from "./create-task";
import { listTasks } from "./list-tasks";

const TASK_ROLES: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor", "privacy-officer"];
const LIST_PURPOSES = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
  "privacy-request",
] as const;
const channelSchema = z.enum(REPLY_CHANNELS);

const taskSchema = z
  .object({
    id: z.uuid(),
    questionId: z.uuid(),
    questionReference: z.string(),
    kind: z.enum(["callback", "back-office"]),
    status: z.enum(["open", "done", "cancelled"]),
    teamId: z.uuid().nullable(),
    assigneeEmployeeId: z.uuid().nullable(),
    dueAt: z.string().nullable().openapi({ format: "date-time" }),
    overdue: z.boolean().openapi({ description: "Open after its due time: a promise not yet kept." }),
    contactChannel: z.string().nullable(),
    contactAddress: z.string().nullable(),
    description: z.string(),
    outcome: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    completedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Task");

const createTaskRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/tasks",
  tags: ["Tasks"],
  summary: "Create a callback request or a back-office task on a question",
  request: {
    params: z.object({ questionId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          kind: z.enum(["callback", "back-office"]),
          teamId: z.uuid().optional().openapi({ description: "Default: the question's team." }),
          assigneeEmployeeId: z.uuid().optional(),
          dueAt: z.iso
            .datetime({ offset: true })
            .optional()
            .openapi({ description: "Default: the callback norm (callbacks) or the question's due time." }),
          contactChannel: channelSchema.optional().openapi({ description: "Default for a callback: phone." }),
          contactAddress: z
            .string()
            .min(3)
            .max(320)
            .optional()
            .openapi({ description: "Default for a callback: the resident's phone number." }),
          description: z.string().min(1).max(5000),
        })
        .openapi("TaskInput"),
    ),
  },
  responses: {
    201: {
      description: "The task",
      headers: versionHeaders,
      content: { "application/json": { schema: taskSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listTasksRoute = createRoute({
  method: "get",
  path: "/tasks",
  tags: ["Tasks"],
  summary: "The back office's task list, overdue first",
  request: {
    query: z.object({
      teamId: z.uuid().optional(),
      status: z.enum(["open", "done"]).default("open"),
      cursor: z.string().max(300).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    headers: z.object({
      "omniloket-purpose": z
        .string()
        .optional()
        .openapi({ description: "Narrow the declared purpose of this read." }),
    }),
  },
  responses: {
    200: {
      description: "One page of tasks",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(taskSchema), nextCursor: z.string().nullable() })
            .openapi("TaskPage"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const completeTaskRoute = createRoute({
  method: "post",
  path: "/tasks/{taskId}/_complete",
  tags: ["Tasks"],
  summary: "Complete a task with its outcome, and tell the resident on the channel the reply rule picks",
  request: {
    params: z.object({ taskId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          outcome: z.string().min(1).max(5000),
          notifyResident: z.boolean(),
          message: z
            .string()
            .min(1)
            .max(20_000)
            .optional()
            .openapi({ description: "The message to the resident; default: the outcome." }),
          channel: channelSchema
            .optional()
            .openapi({ description: "Only to deviate from the reply rule; needs overrideReason." }),
          overrideReason: z.string().min(3).max(1000).optional(),
        })
        .openapi("TaskCompletion"),
    ),
  },
  responses: {
    200: {
      description: "The completed task, and the reply to the resident if one was sent",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: taskSchema
            .extend({
              reply: z
                .object({
                  interactionId: z.uuid(),
                  channel: channelSchema,
                  suggestedChannel: channelSchema.nullable(),
                  suggestionReason: z.string(),
                  overridden: z.boolean(),
                })
                .nullable(),
            })
            .openapi("CompletedTask"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerTaskRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(createTaskRoute, async (c) => {
    const principal = requirePrincipal(c, TASK_ROLES);
    const { dueAt, ...body } = c.req.valid("json");
    const task = await createTask(useCaseDeps, {
      principal,
      questionId: c.req.valid("param").questionId,
      ...body,
      dueAt: dueAt ? new Date(dueAt) : undefined,
    });
    return c.json(task, 201);
  });
  app.openapi(listTasksRoute, async (c) => {
    const principal = requirePrincipal(c, TASK_ROLES);
    const query = c.req.valid("query");
    const result = await listTasks(useCaseDeps, {
      principal,
      purpose: purposeOf(c, LIST_PURPOSES),
      ...query,
    });
    return c.json(result, 200);
  });
  app.openapi(completeTaskRoute, async (c) => {
    const principal = requirePrincipal(c, TASK_ROLES);
    const result = await completeTask(useCaseDeps, {
      principal,
      taskId: c.req.valid("param").taskId,
      ...c.req.valid("json"),
    });
    return c.json(result, 200);
  });
}
