import { createRoute, z } from "@hono/zod-openapi";
import { identifierKindSchema } from "@omniloket/contract";
import { PERSONAL_DATA_ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { getResidentProfile } from "./get-resident-profile";
import { getResidentTimeline } from "./get-resident-timeline";
import { residentProfileSchema } from "./resident-profile.schema";
import { searchResidents } from "./search-residents";

const purposeHeader = z.object({
  "omniloket-purpose": z
    .string()
    .optional()
    .openapi({ description: "Narrow the declared purpose of this read." }),
});

const residentSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["person", "organisation"]),
    identityLevel: z.enum(["address-based", "verified"]),
    displayName: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    secret: z.boolean(),
  })
  .openapi("ResidentSummary");

const timelineRoute = createRoute({
  method: "get",
  path: "/residents/{partyId}/timeline",
  tags: ["Residents"],
  summary: "A resident's timeline across all channels, newest first",
  request: {
    params: z.object({ partyId: z.uuid() }),
    query: z.object({
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    headers: purposeHeader,
  },
  responses: {
    200: {
      description: "One page of the timeline",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(z.any()),
              hiddenCount: z.number().int(),
              nextCursor: z.string().nullable(),
            })
            .openapi("Timeline"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const profileRoute = createRoute({
  method: "get",
  path: "/residents/{partyId}",
  tags: ["Residents"],
  summary: "A resident's identity, representatives, preferences, consents, open work and undoable merges",
  request: { params: z.object({ partyId: z.uuid() }), headers: purposeHeader },
  responses: {
    200: {
      description: "The resident as the question view shows them",
      headers: versionHeaders,
      content: { "application/json": { schema: residentProfileSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const searchRoute = createRoute({
  method: "post",
  path: "/residents/_search",
  tags: ["Residents"],
  summary: "Find residents (terms in the body, never in the URL)",
  request: {
    headers: purposeHeader,
    body: jsonBody(
      z
        .object({
          name: z.string().min(2).max(200).optional(),
          postcode: z.string().max(7).optional(),
          email: z.string().max(320).optional(),
          phone: z.string().max(40).optional(),
          identifier: z.object({ kind: identifierKindSchema, value: z.string().max(320) }).optional(),
          limit: z.number().int().min(1).max(100).default(25),
        })
        .openapi("ResidentSearch"),
    ),
  },
  responses: {
    200: {
      description: "Matching residents",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({ items: z.array(residentSummarySchema) }).openapi("ResidentSearchResult"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const readPurposes = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
  "privacy-request",
  "system-integration",
] as const;

export function registerResidentRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(timelineRoute, async (c) => {
    const principal = requirePrincipal(c, PERSONAL_DATA_ROLES);
    const { partyId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const result = await getResidentTimeline(useCaseDeps, {
      principal,
      purpose: purposeOf(c, readPurposes),
      partyId,
      cursor,
      limit,
    });
    return c.json(result, 200);
  });
  app.openapi(profileRoute, async (c) => {
    const principal = requirePrincipal(c, PERSONAL_DATA_ROLES);
    const result = await getResidentProfile(useCaseDeps, {
      principal,
      purpose: purposeOf(c, readPurposes),
      partyId: c.req.valid("param").partyId,
    });
    return c.json(result, 200);
  });
  app.openapi(searchRoute, async (c) => {
    const principal = requirePrincipal(c, PERSONAL_DATA_ROLES);
    const { limit, ...terms } = c.req.valid("json");
    const result = await searchResidents(useCaseDeps, {
      principal,
      purpose: purposeOf(c, readPurposes),
      terms,
      limit,
    });
    return c.json(result, 200);
  });
}
