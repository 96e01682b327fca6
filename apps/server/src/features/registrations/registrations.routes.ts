import { createRoute, z } from "@hono/zod-openapi";
import { dateTimeSchema, ingestResultSchema, partyInputSchema, uuidSchema } from "@omniloket/contract";
import type { AppDeps } from "../../platform/deps";
import { forbidden } from "../../platform/errors";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App, AppContext } from "../../platform/http/types";
import { registerCounterVisit } from "./register-counter-visit";
import { registerLetter } from "./register-letter";

const staffRoles = ["agent", "back-office"] as const;

function requireEmployee(c: AppContext) {
  const principal = requirePrincipal(c, staffRoles);
  if (principal.kind !== "employee")
    throw forbidden("Alleen medewerkers registreren baliebezoeken en brieven.");
  return principal;
}

const counterRoute = createRoute({
  method: "post",
  path: "/counter-visits",
  tags: ["Counter and letters"],
  summary: "Register a counter visit (an ID check verifies the resident's BSN)",
  request: {
    body: jsonBody(
      z
        .object({
          resident: partyInputSchema,
          idChecked: z.boolean().default(false),
          text: z.string().min(1).max(20_000),
          topicId: z.string().max(60).optional(),
          questionId: uuidSchema.optional(),
          externalId: z.string().min(1).max(200).optional(),
        })
        .openapi("CounterVisit"),
    ),
  },
  responses: {
    201: {
      description: "Registered",
      headers: versionHeaders,
      content: { "application/json": { schema: ingestResultSchema.extend({ verified: z.boolean() }) } },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const letterRoute = createRoute({
  method: "post",
  path: "/letters",
  tags: ["Counter and letters"],
  summary: "Register a scanned letter with its PDF",
  request: {
    body: jsonBody(
      z
        .object({
          sender: partyInputSchema,
          text: z.string().max(20_000).default(""),
          subject: z.string().max(300).optional(),
          topicId: z.string().max(60).optional(),
          questionId: uuidSchema.optional(),
          receivedAt: dateTimeSchema.optional(),
          pdf: z.object({ fileName: z.string().min(1).max(255), contentBase64: z.base64() }),
        })
        .openapi("Letter"),
    ),
  },
  responses: {
    201: {
      description: "Registered",
      headers: versionHeaders,
      content: { "application/json": { schema: ingestResultSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

export function registerRegistrationRoutes(app: App, deps: AppDeps) {
  app.openapi(counterRoute, async (c) => {
    const principal = requireEmployee(c);
    return c.json(await registerCounterVisit(deps, { principal, ...c.req.valid("json") }), 201);
  });
  app.openapi(letterRoute, async (c) => {
    const principal = requireEmployee(c);
    return c.json(await registerLetter(deps, { principal, ...c.req.valid("json") }), 201);
  });
}
