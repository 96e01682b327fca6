import { createRoute, z } from "@hono/zod-openapi";
import type { Purpose, Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { attachmentHeaders } from "./attachment-headers";
import { getAttachment } from "./get-attachment";

const READERS: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor", "privacy-officer"];
const PURPOSES: readonly Purpose[] = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
  "privacy-request",
];

const route = createRoute({
  method: "get",
  path: "/attachments/{attachmentId}",
  tags: ["Attachments"],
  summary: "The bytes of one attachment (never a quarantined one)",
  description:
    "Served with its stored content type, `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`. " +
    "Images and PDF open inline, everything else is a download. Every read is audit-logged with its purpose.",
  request: { params: z.object({ attachmentId: z.uuid() }) },
  responses: {
    200: {
      description: "The attachment's bytes",
      headers: versionHeaders,
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerAttachmentRoutes(app: App, deps: AppDeps) {
  app.openapi(route, async (c) => {
    const principal = requirePrincipal(c, READERS);
    const purpose = purposeOf(c, PURPOSES);
    const file = await getAttachment(
      { db: deps.database.db, files: deps.files, clock: deps.clock },
      { principal, purpose, attachmentId: c.req.valid("param").attachmentId },
    );
    const headers = attachmentHeaders(file.fileName, file.contentType, file.bytes.byteLength);
    return c.body(new Uint8Array(file.bytes), 200, headers);
  });
}
