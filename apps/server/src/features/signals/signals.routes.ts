import { createRoute, z } from "@hono/zod-openapi";
import { REPLY_CHANNELS } from "@omniloket/domain";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { acceptSignal } from "./accept-signal";
import { dismissSignal } from "./dismiss-signal";
import { listWorklist } from "./list-worklist";
import { snoozeSignal } from "./snooze-signal";
import { RECENCY_HALF_LIFE_DAYS, RULE_WEIGHTS } from "./worklist-score";

const SIGNAL_ROLES: readonly Role[] = ["case-guide", "supervisor"];
const LIST_PURPOSES = ["case-guidance", "quality-supervision"] as const;
const dateTime = (description?: string) =>
  z.string().openapi({ format: "date-time", ...(description ? { description } : {}) });

const scoreSchema = z
  .object({
    weight: z.number().openapi({ description: "The rule's weight." }),
    ageDays: z.number().int().openapi({ description: "Days since the condition was first met." }),
    recency: z.number().openapi({ description: `0.5 ^ (ageDays / ${RECENCY_HALF_LIFE_DAYS})` }),
    points: z.number().openapi({ description: "weight × recency" }),
  })
  .openapi("SignalScore");

const signalSchema = z
  .object({
    id: z.uuid(),
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    ruleDescription: z.string().openapi({ description: "Dutch." }),
    explanation: z
      .string()
      .nullable()
      .openapi({ description: "Dutch; null when part of the evidence is outside your need-to-know." }),
    status: z.enum(["open", "snoozed"]),
    detectedAt: dateTime("When the rule's condition was first met."),
    score: scoreSchema,
    evidence: z.object({
      questions: z.array(
        z.object({
          id: z.uuid(),
          reference: z.string(),
          topicId: z.string().nullable(),
          status: z.string(),
          openedAt: dateTime(),
        }),
      ),
      contacts: z.array(
        z.object({
          id: z.uuid(),
          questionId: z.uuid(),
          channel: z.string(),
          direction: z.string(),
          occurredAt: dateTime(),
        }),
      ),
      tasks: z.array(
        z.object({
          id: z.uuid(),
          questionId: z.uuid(),
          kind: z.string(),
          status: z.string(),
          dueAt: dateTime().nullable(),
        }),
      ),
      hiddenQuestions: z.number().int(),
      details: z.record(z.string(), z.unknown()),
    }),
    suggestedAction: z.object({ nl: z.string(), en: z.string(), needId: z.string().nullable() }),
  })
  .openapi("Signal");

const worklistRoute = createRoute({
  method: "get",
  path: "/signals",
  tags: ["Signals"],
  summary: "The case guide's worklist: open signals per resident, ranked by a transparent score",
  description: `Score of a signal: the rule's weight (${Object.entries(RULE_WEIGHTS)
    .map(([rule, weight]) => `${rule} ${weight}`)
    .join(
      ", ",
    )}) × 0.5^(days since detected / ${RECENCY_HALF_LIFE_DAYS}); a resident's score is the sum. Nothing here contacts a resident.`,
  request: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    headers: z.object({
      "omniloket-purpose": z
        .string()
        .optional()
        .openapi({ description: "Narrow the declared purpose of this read." }),
    }),
  },
  responses: {
    200: {
      description: "Residents with their signals, highest score first",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              residents: z.array(
                z.object({
                  partyId: z.uuid(),
                  name: z.string().nullable(),
                  score: z.number(),
                  signals: z.array(signalSchema),
                }),
              ),
            })
            .openapi("SignalWorklist"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const decisionSchema = z
  .object({ id: z.uuid(), status: z.enum(["accepted", "dismissed", "snoozed"]) })
  .openapi("SignalDecision");

const acceptRoute = createRoute({
  method: "post",
  path: "/signals/{signalId}/_accept",
  tags: ["Signals"],
  summary: "Accept a signal: an outreach task on the resident's preferred channel and language",
  description: "Nothing is sent to the resident; an employee does the outreach and completes the task.",
  request: {
    params: z.object({ signalId: z.uuid() }),
    body: jsonBody(z.object({ note: z.string().max(2000).optional() }).openapi("SignalAcceptance")),
  },
  responses: {
    200: {
      description: "The signal is accepted; the task made",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: decisionSchema
            .extend({
              channel: z.enum(REPLY_CHANNELS).nullable(),
              channelReason: z.string(),
              language: z.string(),
              task: z.object({ id: z.uuid(), questionId: z.uuid(), questionReference: z.string() }),
            })
            .openapi("AcceptedSignal"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const dismissRoute = createRoute({
  method: "post",
  path: "/signals/{signalId}/_dismiss",
  tags: ["Signals"],
  summary: "Dismiss a signal with a reason",
  request: {
    params: z.object({ signalId: z.uuid() }),
    body: jsonBody(z.object({ reason: z.string().max(1000) }).openapi("SignalDismissal")),
  },
  responses: {
    200: {
      description: "Dismissed",
      headers: versionHeaders,
      content: { "application/json": { schema: decisionSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const snoozeRoute = createRoute({
  method: "post",
  path: "/signals/{signalId}/_snooze",
  tags: ["Signals"],
  summary: "Put a signal aside until a date; it returns to the worklist after it",
  request: {
    params: z.object({ signalId: z.uuid() }),
    body: jsonBody(
      z
        .object({
          until: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).openapi({
            description: "A date (start of that day, UTC) or a date-time, within twelve months.",
          }),
        })
        .openapi("SignalSnooze"),
    ),
  },
  responses: {
    200: {
      description: "Snoozed",
      headers: versionHeaders,
      content: { "application/json": { schema: decisionSchema.extend({ until: dateTime() }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerSignalRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(worklistRoute, async (c) => {
    const principal = requirePrincipal(c, SIGNAL_ROLES);
    const result = await listWorklist(useCaseDeps, {
      principal,
      purpose: purposeOf(c, LIST_PURPOSES),
      limit: c.req.valid("query").limit,
    });
    return c.json(JSON.parse(JSON.stringify(result)), 200);
  });
  app.openapi(acceptRoute, async (c) => {
    const principal = requirePrincipal(c, SIGNAL_ROLES);
    const result = await acceptSignal(useCaseDeps, {
      principal,
      signalId: c.req.valid("param").signalId,
      note: c.req.valid("json").note,
    });
    const { task, ...rest } = result;
    return c.json(
      {
        ...rest,
        task: { id: task.id, questionId: task.questionId, questionReference: task.questionReference },
      },
      200,
    );
  });
  app.openapi(dismissRoute, async (c) => {
    const principal = requirePrincipal(c, SIGNAL_ROLES);
    const result = await dismissSignal(useCaseDeps, {
      principal,
      signalId: c.req.valid("param").signalId,
      reason: c.req.valid("json").reason,
    });
    return c.json(result, 200);
  });
  app.openapi(snoozeRoute, async (c) => {
    const principal = requirePrincipal(c, SIGNAL_ROLES);
    const result = await snoozeSignal(useCaseDeps, {
      principal,
      signalId: c.req.valid("param").signalId,
      until: new Date(c.req.valid("json").until),
    });
    return c.json({ ...result, until: result.until.toISOString() }, 200);
  });
}
