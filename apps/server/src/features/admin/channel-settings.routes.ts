import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import {
  type ChannelSettings,
  channelSettings,
  maskChannelSettings,
  updateChannelSettings,
} from "../organisation";

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "Een nummer in E.164, bijvoorbeeld +31201234567.");

const channelSettingsSchema = z
  .object({
    email: z
      .object({
        addresses: z.array(z.email()).min(1),
        from: z.string().min(3).max(300),
        imap: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
    sms: z
      .object({
        provider: z.literal("twilio"),
        accountSid: z.string().min(1),
        authToken: z.string().min(1),
        from: e164,
        baseUrl: z.url().optional(),
      })
      .optional(),
    whatsapp: z
      .object({
        phoneNumberId: z.string().min(1),
        accessToken: z.string().min(1),
        appSecret: z.string().min(1),
        verifyToken: z.string().min(8),
        baseUrl: z.url().optional(),
        templates: z.array(z.string()).optional(),
      })
      .optional(),
    chat: z
      .object({
        allowedOrigins: z.array(
          z.url().regex(/^https?:\/\/[^/]+$/, "Alleen een origin: https://www.voorbeeld.nl"),
        ),
        maxWaitSeconds: z.number().int().min(10).max(3600).optional(),
        enabled: z.boolean().optional(),
      })
      .optional(),
    phone: z
      .object({
        numbers: z.array(e164).min(1),
        ctiSecret: z.string().min(16),
        ivrTopics: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
  })
  .openapi("ChannelSettings");

const maskedSchema = z.record(z.string(), z.unknown());

const getRoute = createRoute({
  method: "get",
  path: "/admin/channel-settings",
  tags: ["Administration"],
  summary: "This municipality's channel connections (secrets masked)",
  responses: {
    200: {
      description: "The settings",
      headers: versionHeaders,
      content: { "application/json": { schema: maskedSchema } },
    },
    ...problemResponses(401, 403),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/admin/channel-settings",
  tags: ["Administration"],
  summary: "Replace this municipality's channel connections",
  request: { body: jsonBody(channelSettingsSchema) },
  responses: {
    200: {
      description: "Saved (secrets masked)",
      headers: versionHeaders,
      content: { "application/json": { schema: maskedSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerChannelSettingsRoutes(app: App, deps: AppDeps) {
  app.openapi(getRoute, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    return c.json(maskChannelSettings(await channelSettings(deps.database.db, principal.tenantId)), 200);
  });
  app.openapi(putRoute, async (c) => {
    const principal = requirePrincipal(c, ["admin"]);
    const channels = c.req.valid("json") as ChannelSettings;
    return c.json(
      await updateChannelSettings({ db: deps.database.db }, { tenantId: principal.tenantId, channels }),
      200,
    );
  });
}
