/**
 * The routes an anonymous caller may use, each with its reason (DESIGN §5). Everything else refuses an
 * anonymous caller; a test walks the router's own route table against this list.
 */
export const PUBLIC_ROUTES: ReadonlyArray<{ method: string; path: string; reason: string }> = [
  { method: "GET", path: "/health", reason: "Liveness check for load balancers; reveals nothing." },
  { method: "GET", path: "/api/v1/health", reason: "Liveness and database check; reveals nothing." },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    reason: "NL API Design Rules: the OpenAPI document is public.",
  },
  { method: "POST", path: "/api/v1/sessions", reason: "Login: creates a session from a password." },
  {
    method: "POST",
    path: "/api/v1/sessions/second-factor",
    reason: "Login step two: the TOTP code for a half-open session.",
  },
];

function toRegExp(path: string): RegExp {
  const pattern = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^}]+\\\}|:[A-Za-z]+/g, "[^/]+");
  return new RegExp(`^${pattern}$`);
}

const compiled = PUBLIC_ROUTES.map((r) => ({ method: r.method, re: toRegExp(r.path) }));

export function isPublicRoute(method: string, path: string): boolean {
  const m = method === "HEAD" ? "GET" : method;
  return compiled.some((r) => r.method === m && r.re.test(path));
}
