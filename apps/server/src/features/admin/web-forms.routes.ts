import { createRoute, z } from "@hono/zod-openapi";
import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { type FormDefinition, loadForms } from "../../channels/webform";
import type { AppDeps } from "../../platform/deps";
import { notFound } from "../../platform/errors";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { setWebFormEnabled } from "../organisation";
import { jsonAnswer } from "./admin-schemas";
import { listWebForms } from "./list-web-forms";

const webFormSchema = z
  .object({
    id: z.string(),
    title: z.object({ nl: z.string(), en: z.string() }),
    topicId: z.string().nullable(),
    url: z
      .string()
      .openapi({ description: "The public address, e.g. /formulieren/voorbeeldstad/algemene-vraag" }),
    enabled: z.boolean(),
  })
  .openapi("WebForm");

const listRoute = createRoute({
  method: "get",
  path: "/admin/web-forms",
  tags: ["Administration"],
  summary: "The web forms residents can use, with their address and whether each is on",
  responses: {
    200: jsonAnswer("The forms", z.object({ items: z.array(webFormSchema) }).openapi("WebForms")),
    ...problemResponses(401, 403),
  },
});

const updateRoute = createRoute({
  method: "put",
  path: "/admin/web-forms/{formId}",
  tags: ["Administration"],
  summary: "Switch a web form on or off for this municipality",
  request: {
    params: z.object({ formId: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/) }),
    body: jsonBody(z.object({ enabled: z.boolean() }).openapi("WebFormSetting")),
  },
  responses: { 200: jsonAnswer("Saved", webFormSchema), ...problemResponses(400, 401, 403, 404) },
});

/** `forms` defaults to the forms the webform channel serves (channels/webform/forms). */
export function registerWebFormRoutes(
  app: App,
  deps: AppDeps,
  forms: ReadonlyMap<string, FormDefinition> = loadForms(),
) {
  const db = deps.database.db;
  const slugOf = async (tenantId: string) => {
    const [tenant] = await db
      .select({ slug: schema.tenants.slug })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId));
    return tenant?.slug ?? "";
  };
  app.openapi(listRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const items = await listWebForms(db, { tenantId, tenantSlug: await slugOf(tenantId), forms });
    return c.json({ items }, 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { tenantId } = requirePrincipal(c, ["admin"]);
    const { formId } = c.req.valid("param");
    if (!forms.has(formId)) throw notFound("Dit formulier");
    await setWebFormEnabled({ db }, { tenantId, formId, enabled: c.req.valid("json").enabled });
    const items = await listWebForms(db, { tenantId, tenantSlug: await slugOf(tenantId), forms });
    const form = items.find((item) => item.id === formId);
    if (!form) throw notFound("Dit formulier");
    return c.json(form, 200);
  });
}
