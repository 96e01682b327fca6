import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { listMergeSuggestions } from "./list-merge-suggestions";
import { mergeParties } from "./merge-parties";
import { unmergeParties } from "./unmerge-parties";

const roles = ["agent", "back-office", "admin", "privacy-officer"] as const;

const mergeRoute = createRoute({
  method: "post",
  path: "/party-merges",
  tags: ["Identity"],
  summary: "Merge two parties, or join an address-based party to a verified person (reversible)",
  request: {
    body: jsonBody(
      z
        .object({
          kind: z.enum(["merge", "join-verified"]).default("merge"),
          survivingPartyId: z.uuid(),
          mergedPartyId: z.uuid(),
          reason: z.string().min(3).max(1000),
        })
        .openapi("PartyMergeInput"),
    ),
  },
  responses: {
    201: {
      description: "Merged",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({
            mergeId: z.uuid(),
            movedIdentifiers: z.number(),
            movedQuestions: z.number(),
            movedInvolvements: z.number(),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const undoRoute = createRoute({
  method: "post",
  path: "/party-merges/{mergeId}/_undo",
  tags: ["Identity"],
  summary: "Undo a merge or join",
  request: {
    params: z.object({ mergeId: z.uuid() }),
    body: jsonBody(z.object({ reason: z.string().min(3).max(1000) })),
  },
  responses: {
    200: {
      description: "Undone",
      headers: versionHeaders,
      content: { "application/json": { schema: z.object({ mergeId: z.uuid(), restoredPartyId: z.uuid() }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const suggestionsRoute = createRoute({
  method: "get",
  path: "/residents/{partyId}/merge-suggestions",
  tags: ["Identity"],
  summary: "Parties that may be the same person, with the reasons",
  request: { params: z.object({ partyId: z.uuid() }) },
  responses: {
    200: {
      description: "Suggestions, best first",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(
                z.object({
                  partyId: z.uuid(),
                  displayName: z.string().nullable(),
                  identityLevel: z.enum(["address-based", "verified"]),
                  reasons: z.array(
                    z.enum(["same-bsn", "same-name-and-postcode", "similar-address", "same-birth-date"]),
                  ),
                  score: z.number(),
                }),
              ),
            })
            .openapi("MergeSuggestions"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerIdentityRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(mergeRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    return c.json(await mergeParties(useCaseDeps, { principal, ...c.req.valid("json") }), 201);
  });
  app.openapi(suggestionsRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const purpose = purposeOf(c, ["contact-handling", "case-handling", "privacy-request"]);
    return c.json(
      await listMergeSuggestions(useCaseDeps, { principal, purpose, partyId: c.req.valid("param").partyId }),
      200,
    );
  });
  app.openapi(undoRoute, async (c) => {
    const principal = requirePrincipal(c, roles);
    const result = await unmergeParties(useCaseDeps, {
      principal,
      mergeId: c.req.valid("param").mergeId,
      reason: c.req.valid("json").reason,
    });
    return c.json(result, 200);
  });
}
