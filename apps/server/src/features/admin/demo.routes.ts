import { createRoute, z } from "@hono/zod-openapi";
import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { stream as streamBody } from "hono/streaming";
import type { AppDeps } from "../../platform/deps";
import { AppError, forbidden } from "../../platform/errors";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { installDemo } from "../demo";

const demoRoute = createRoute({
  method: "post",
  path: "/admin/demo",
  tags: ["Administration"],
  summary: "Load the demo municipality Voorbeeldstad (installation administrators only)",
  description:
    "Streams progress as newline-delimited JSON: `{done, total, stage}` lines, then `{finished: true, parties, interactions, milliseconds}`.",
  request: {
    body: jsonBody(
      z.object({
        residents: z.number().int().min(1).max(1_000_000),
        months: z.number().int().min(1).max(120),
        seed: z.number().int().min(0),
        groundTruthPath: z.string().max(1000).optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: "Progress lines, then the summary",
      headers: versionHeaders,
      content: { "application/x-ndjson": { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 409),
  },
});

/**
 * The CLI's `seed` goes here while this server holds the embedded data directory; a demo adds accounts
 * with a known password, so only the installation itself (the local admin token) may ask for it.
 */
export function registerDemoRoutes(app: App, deps: AppDeps) {
  app.openapi(demoRoute, async (c) => {
    if (!c.get("installation")) throw forbidden("Alleen de beheerder van de installatie kan de demo laden.");
    if (deps.database.kind !== "embedded" && deps.config.demo !== true) {
      throw new AppError(
        "demo-not-allowed",
        "forbidden",
        "Demodata op PostgreSQL alleen met OMNILOKET_DEMO=1.",
      );
    }
    const body = c.req.valid("json");
    const existing = await deps.database.db
      .select({ id: schema.tenants.id })
      .from(schema.tenants)
      .where(eq(schema.tenants.slug, "voorbeeldstad"));
    if (existing.length > 0)
      throw new AppError("demo-exists", "conflict", "Voorbeeldstad is al geladen in deze database.");
    c.header("Content-Type", "application/x-ndjson; charset=utf-8");
    // A stream is a plain Response; the typed responses of @hono/zod-openapi only model JSON bodies.
    return streamBody(c, async (stream) => {
      const result = await installDemo(deps.database, {
        ...body,
        onProgress: (done, total, stage) => void stream.writeln(JSON.stringify({ done, total, stage })),
      });
      await stream.writeln(
        JSON.stringify({
          finished: true,
          parties: result.generated.parties.length,
          interactions: result.generated.interactions.length,
          milliseconds: result.milliseconds,
        }),
      );
    }) as never;
  });
}
