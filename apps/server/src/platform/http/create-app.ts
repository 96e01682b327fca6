import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { ZodError } from "zod";
import { authenticate } from "../auth/authenticate";
import type { AppDeps } from "../deps";
import { AppError, invalidInput } from "../errors";
import { problemResponse, toAppError } from "../problem";
import { isPublicRoute } from "./public-routes";
import type { App, AppEnv } from "./types";

export const API_VERSION = "0.1.0";

function zodToProblem(error: ZodError, target: string): AppError {
  return invalidInput(
    error.issues.map((issue) => ({
      name: issue.path.length > 0 ? issue.path.join(".") : target,
      code: issue.code,
      reason: issue.message,
    })),
    `De invoer is niet geldig: controleer ${error.issues.map((i) => i.path.join(".") || target).join(", ")}.`,
  );
}

const jsonBodyMethods = new Set(["POST", "PUT", "PATCH"]);

/** The Hono app without routes: headers, limits, auth, the public-route gate and error mapping. */
/** An OpenAPIHono whose validation failures and thrown errors become problem+json. */
export function createRouter(deps: AppDeps): App {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodToProblem(result.error as unknown as ZodError, result.target);
    },
  });
  router.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.category === "internal")
      deps.log.error({ err: error, path: c.req.routePath }, "request failed");
    return problemResponse(c, appError);
  });
  return router;
}

export function createBaseApp(deps: AppDeps): App {
  const app = createRouter(deps);
  app.notFound((c) =>
    problemResponse(
      c,
      new AppError("route-not-found", "not-found", "Deze pagina of dit adres bestaat niet."),
    ),
  );

  app.use("*", async (c, next) => {
    await next();
    c.header("API-Version", API_VERSION);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
  app.use("/api/v1/openapi.json", cors({ origin: "*" }));

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new AppError(
          "body-too-large",
          "payload-too-large",
          `Het bericht is groter dan ${deps.config.bodyLimitBytes} bytes.`,
          [{ name: "body", code: "too-large", reason: `Maximaal ${deps.config.bodyLimitBytes} bytes.` }],
        );
      },
    }),
  );
  app.use("/api/*", async (c, next) => {
    if (jsonBodyMethods.has(c.req.method)) {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
        throw new AppError(
          "unsupported-media-type",
          "unsupported-media-type",
          "Stuur de gegevens als application/json.",
          [{ name: "content-type", code: "unsupported", reason: "Verwacht application/json." }],
        );
      }
    }
    await next();
  });

  app.use("*", authenticate(deps));
  app.use("*", async (c, next) => {
    const installationAdmin = c.get("installation") && c.req.path.startsWith("/api/v1/admin/");
    if (!c.get("principal") && !installationAdmin && !isPublicRoute(c.req.method, c.req.path)) {
      throw new AppError("unauthenticated", "unauthenticated", "Log eerst in om dit te gebruiken.");
    }
    await next();
  });

  app.get("/health", (c) => c.json({ status: "ok" }));
  return app;
}
