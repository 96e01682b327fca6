import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { Context } from "hono";
import type { AppDeps } from "../../platform/deps";
import { AppError, notFound } from "../../platform/errors";
import type { App } from "../../platform/http/types";
import { WEB_DIST_DIR } from "./web-build";

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

// The shell loads only its own files; the data comes from /api/v1 on the same origin.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** The client routes of the workspace (apps/web/src/routes.tsx); each serves the same index.html. */
export const WORKSPACE_PAGES = [
  "/werkplek/",
  "/werkplek/inloggen",
  "/werkplek/inbox",
  "/werkplek/vragen/:questionId",
  "/werkplek/taken",
  "/werkplek/supervisie",
  "/werkplek/casusregie",
  "/werkplek/beheer",
  "/werkplek/beheer/:section",
];

async function sendFile(c: Context, distDir: string, file: string, cacheControl: string) {
  let body: Buffer;
  try {
    body = await readFile(join(distDir, file));
  } catch {
    if (file === "index.html")
      throw new AppError(
        "workspace-not-built",
        "internal",
        "De werkplek is nog niet gebouwd. Start Omniloket met `npm start`; dan wordt hij gebouwd.",
      );
    throw notFound("Dit bestand");
  }
  return c.body(new Uint8Array(body), 200, {
    "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
    "cache-control": cacheControl,
    "content-security-policy": CONTENT_SECURITY_POLICY,
  });
}

/**
 * Serves the built agent workspace (apps/web/dist) at /werkplek. The shell holds no personal data;
 * everything personal comes from the authenticated API, so these routes are public (public-routes.ts).
 */
export function registerWorkspaceRoutes(app: App, _deps: AppDeps, options: { distDir?: string } = {}) {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  app.get("/werkplek", (c) => c.redirect("/werkplek/", 308));
  for (const page of WORKSPACE_PAGES) {
    app.get(page, (c) => sendFile(c, distDir, "index.html", "no-store"));
  }
  app.get("/werkplek/assets/:file", (c) => {
    const file = normalize(c.req.param("file"));
    if (file.includes("/") || file.includes("\\") || file.startsWith(".")) throw notFound("Dit bestand");
    // Vite puts a content hash in every asset name, so an asset never changes under its name.
    return sendFile(c, distDir, join("assets", file), "public, max-age=31536000, immutable");
  });
}
