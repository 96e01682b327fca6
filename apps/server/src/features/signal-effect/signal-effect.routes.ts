import { createRoute, z } from "@hono/zod-openapi";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { FAIRNESS_DIMENSIONS, MIN_GROUP_RESIDENTS } from "./fairness-groups";
import { readEffectReport } from "./read-effect-report";

/** Case guides and supervisors; analysts see the totals only (no resident's own effect). */
const EFFECT_ROLES: readonly Role[] = ["case-guide", "supervisor", "analyst"];
const EFFECT_PURPOSES = ["case-guidance", "quality-supervision"] as const;
const dateTime = () => z.string().openapi({ format: "date-time" });
const distribution = z
  .object({ n: z.number().int(), p25: z.number(), median: z.number(), p75: z.number() })
  .nullable()
  .openapi("Distribution", { description: "Quartiles and median; null when there are no values." });

const ruleSchema = z
  .object({
    ruleId: z.string(),
    raised: z.number().int(),
    accepted: z.number().int(),
    dismissed: z.number().int(),
    snoozed: z.number().int(),
    open: z.number().int(),
    windows: z.array(
      z.object({
        days: z.number().int(),
        measured: z.number().int(),
        notYetMeasurable: z
          .number()
          .int()
          .openapi({ description: "Accepted signals whose after-period has not passed yet." }),
        fewer: z.number().int(),
        same: z.number().int(),
        more: z.number().int(),
        change: distribution.openapi({ description: "Contacts after minus before, per measured signal." }),
      }),
    ),
    resolution: z.object({
      questions: z.number().int(),
      resolved: z.number().int(),
      unresolved: z.number().int(),
      days: distribution,
    }),
    feedback: z.object({ helped: z.number().int(), notHelped: z.number().int(), noAnswer: z.number().int() }),
  })
  .openapi("SignalRuleEffect");

const groupSchema = z.object({
  value: z.string(),
  label: z.string().openapi({ description: "Dutch." }),
  tooSmall: z.boolean().openapi({ description: `Fewer than ${MIN_GROUP_RESIDENTS} residents: no figures.` }),
  residents: z.number().int().nullable(),
  signalsRaised: z.number().int().nullable(),
  raisedPer100: z.number().nullable(),
  signalsAccepted: z.number().int().nullable(),
  acceptedShare: z.number().nullable(),
});

const signalEffectSchema = z.object({
  signalId: z.uuid(),
  partyId: z.uuid(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  decidedAt: dateTime(),
  windows: z.array(
    z.object({
      days: z.number().int(),
      before: z.number().int(),
      after: z.number().int().nullable().openapi({ description: "Null: the period has not passed yet." }),
    }),
  ),
  questions: z.array(
    z.object({
      questionId: z.uuid(),
      reference: z.string(),
      status: z.string(),
      resolved: z.boolean(),
      openedAt: dateTime(),
      resolvedAt: dateTime().nullable(),
      daysToResolution: z.number().nullable(),
    }),
  ),
  feedback: z.array(
    z.object({ questionId: z.uuid(), helped: z.boolean(), comment: z.string().nullable(), at: dateTime() }),
  ),
});

const effectRoute = createRoute({
  method: "get",
  path: "/signals/effect",
  tags: ["Signals"],
  summary: "Effect and fairness of the signal rules: per rule, per group, and per accepted signal",
  description:
    "Contacts in the 30 and 90 days before a signal was accepted against after (a period that has not passed is not measurable), the time to resolution of its questions and the resident's feedback; per group (postcode area, age band, language, preferred channel, channel use) the signals raised per 100 residents and the share accepted. Distributions, never a lone average; small groups show no figures.",
  request: {
    headers: z.object({
      "omniloket-purpose": z
        .string()
        .optional()
        .openapi({ description: "Narrow the declared purpose of this read." }),
    }),
  },
  responses: {
    200: {
      description: "The report",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              measuredAt: dateTime(),
              rules: z.array(ruleSchema),
              fairness: z.object({
                minGroupResidents: z.number().int(),
                residents: z.number().int(),
                withoutConsent: z.number().int(),
                dimensions: z.array(
                  z.object({
                    id: z.enum(FAIRNESS_DIMENSIONS),
                    label: z.string(),
                    groups: z.array(groupSchema),
                  }),
                ),
              }),
              signals: z
                .array(signalEffectSchema)
                .nullable()
                .openapi({ description: "Null for analysts (totals only)." }),
              hiddenSignals: z.number().int(),
            })
            .openapi("SignalEffectReport"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerSignalEffectRoutes(app: App, deps: AppDeps) {
  app.openapi(effectRoute, async (c) => {
    const principal = requirePrincipal(c, EFFECT_ROLES);
    const report = await readEffectReport(
      { db: deps.database.db, clock: deps.clock },
      { principal, purpose: purposeOf(c, EFFECT_PURPOSES) },
    );
    return c.json(JSON.parse(JSON.stringify(report)), 200);
  });
}
