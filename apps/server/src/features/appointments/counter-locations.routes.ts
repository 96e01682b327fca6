import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { addCounterLocation, listCounterLocationSettings } from "./add-counter-location";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Een tijd als UU:MM.");

const openingSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).openapi({ description: "1 = Monday … 7 = Sunday" }),
    from: time,
    until: time,
  })
  .openapi("CounterOpening");

const locationInput = z
  .object({
    name: z.string().trim().min(2, "Een naam van minstens 2 tekens.").max(200),
    address: z.string().trim().min(2).max(500).openapi({ description: "As residents read it; lines by \\n" }),
    weeklyPattern: z.array(openingSchema).max(50),
    slotMinutes: z.number().int().min(5).max(240).default(15),
    slotCapacity: z.number().int().min(1).max(100).default(1),
  })
  .openapi("CounterLocationInput");

const locationSchema = locationInput.extend({ id: z.uuid(), active: z.boolean() }).openapi("CounterLocation");

const json = (description: string, schema: z.ZodType) => ({
  description,
  headers: versionHeaders,
  content: { "application/json": { schema } },
});

const listRoute = createRoute({
  method: "get",
  path: "/admin/counter-locations",
  tags: ["Administration"],
  summary: "The counters that take appointments, with their weekly opening pattern",
  responses: {
    200: json("The counters", z.object({ items: z.array(locationSchema) }).openapi("CounterLocations")),
    ...problemResponses(401, 403),
  },
});

const createLocationRoute = createRoute({
  method: "post",
  path: "/admin/counter-locations",
  tags: ["Administration"],
  summary: "Add a counter that takes appointments; its slots for the coming weeks are generated at once",
  request: { body: jsonBody(locationInput) },
  responses: {
    201: json(
      "Added",
      z.object({ location: locationSchema, slotsCreated: z.number().int() }).openapi("CounterLocationAdded"),
    ),
    ...problemResponses(400, 401, 403),
  },
});

/** The admin's counters for appointments (residents book them in the portal). */
export function registerCounterLocationRoutes(app: App, deps: AppDeps) {
  const useCase = { db: deps.database.db, clock: deps.clock };
  app.openapi(listRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json({ items: await listCounterLocationSettings(useCase.db, tenantId) }, 200);
  });
  app.openapi(createLocationRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    return c.json(await addCounterLocation(useCase, { tenantId, location: c.req.valid("json") }), 201);
  });
}
