import { createRoute, z } from "@hono/zod-openapi";
import { CHANNELS, DEFAULT_WEIGHTS, defaultServiceNorms } from "@omniloket/domain";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { tenantSettings, updateRoutingWeights, updateServiceNorms } from "../organisation";
import { routingWeights } from "../routing/routing-facts";
import { jsonAnswer, topicIdSchema } from "./admin-schemas";

const weight = z
  .number()
  .gt(0, "Een getal groter dan 0.")
  .max(1, "Hoogstens 1: één open item vult nooit meer dan de hele capaciteit.");

const weightsSchema = z
  .object({ phone: weight, chat: weight, email: weight, other: weight })
  .openapi("RoutingWeights", {
    description: "The share of an employee's capacity (1.0) one open item of each channel takes.",
  });

const weightsAnswer = z
  .object({ weights: weightsSchema, defaults: weightsSchema })
  .openapi("RoutingWeightsAnswer");

const normSchema = z
  .object({
    topicId: z.union([z.literal("*"), topicIdSchema]),
    channel: z.enum(["*", ...CHANNELS]),
    workingMinutes: z
      .number()
      .int("Een heel aantal minuten.")
      .min(1, "Minstens 1 werkminuut.")
      .max(60 * 510, "Hoogstens 60 werkdagen."),
    label: z.string().trim().min(3, "Een omschrijving van minstens 3 tekens.").max(200),
  })
  .openapi("ServiceNorm");

const normsAnswer = z
  .object({ items: z.array(normSchema), defaults: z.array(normSchema) })
  .openapi("ServiceNormsAnswer");

const getWeightsRoute = createRoute({
  method: "get",
  path: "/admin/routing-weights",
  tags: ["Administration"],
  summary: "Routing weights: how much of an employee's capacity one item of each channel takes",
  responses: {
    200: jsonAnswer("The weights and the defaults", weightsAnswer),
    ...problemResponses(401, 403),
  },
});

const putWeightsRoute = createRoute({
  method: "put",
  path: "/admin/routing-weights",
  tags: ["Administration"],
  summary: "Replace the routing weights",
  request: { body: jsonBody(weightsSchema) },
  responses: { 200: jsonAnswer("Saved", weightsAnswer), ...problemResponses(400, 401, 403) },
});

const getNormsRoute = createRoute({
  method: "get",
  path: "/admin/service-norms",
  tags: ["Administration"],
  summary: "Service norms per topic and channel, in working minutes",
  responses: { 200: jsonAnswer("The norms and the defaults", normsAnswer), ...problemResponses(401, 403) },
});

const putNormsRoute = createRoute({
  method: "put",
  path: "/admin/service-norms",
  tags: ["Administration"],
  summary: "Replace the service norms; one must cover every topic and channel",
  request: {
    body: jsonBody(
      z.object({ items: z.array(normSchema).min(1, "Minstens één norm.").max(500) }).openapi("ServiceNorms"),
    ),
  },
  responses: { 200: jsonAnswer("Saved", normsAnswer), ...problemResponses(400, 401, 403) },
});

export function registerRoutingSettingsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.openapi(getWeightsRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json({ weights: await routingWeights(db, tenantId), defaults: DEFAULT_WEIGHTS }, 200);
  });
  app.openapi(putWeightsRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const weights = await updateRoutingWeights({ db }, { tenantId, weights: c.req.valid("json") });
    return c.json({ weights, defaults: DEFAULT_WEIGHTS }, 200);
  });
  app.openapi(getNormsRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const { serviceNorms } = await tenantSettings(db, tenantId);
    return c.json({ items: [...serviceNorms], defaults: [...defaultServiceNorms] }, 200);
  });
  app.openapi(putNormsRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const items = await updateServiceNorms({ db }, { tenantId, norms: c.req.valid("json").items });
    return c.json({ items, defaults: [...defaultServiceNorms] }, 200);
  });
}
