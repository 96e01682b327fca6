import type { Context } from "hono";
import {
  getMyPreferences,
  type PortalResident,
  saveMyPreferences,
  saveMyTopicPreference,
} from "../features/portal";
import type { App } from "../platform/http/types";
import { messages } from "./messages";
import { first, PORTAL_PATH, type PortalContext, withParam } from "./portal-context";
import { type FormProblem, PreferencesPage } from "./portal-forms";
import type { PortalLinks } from "./portal-pages";

/** The resident's preferences: channel, language, needs, and a channel per topic. */
export function registerPreferenceRoutes(app: App, portal: PortalContext) {
  const { deps, linksFor, html, tenantOf, notFound, residentOf, residentPost } = portal;

  const preferencesPage = async (
    c: Context,
    ctx: { links: PortalLinks; resident: PortalResident },
    state: { notice?: string; error?: FormProblem; values?: Record<string, string | string[]> } = {},
  ) => {
    const preferences = await getMyPreferences({ db: deps.database.db, clock: deps.clock }, ctx.resident);
    return html(
      c,
      state.error ? 400 : 200,
      <PreferencesPage
        links={ctx.links}
        csrf={ctx.resident.csrfToken}
        logout={ctx.links.href("uitloggen")}
        preferences={preferences}
        {...state}
      />,
    );
  };

  app.get(`${PORTAL_PATH}/voorkeuren`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const done = c.req.query("gedaan");
    const notice =
      done === "voorkeuren" ? w.preferencesSaved : done === "onderwerp" ? w.topicSaved : undefined;
    return preferencesPage(c, { links, resident }, { notice });
  });

  app.post(`${PORTAL_PATH}/voorkeuren`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const input = {
        preferredChannel: first(ctx.body, "voorkeurskanaal").slice(0, 20),
        language: first(ctx.body, "taal").slice(0, 10),
        needs: (ctx.body.behoefte ?? []).slice(0, 10).map((n) => n.slice(0, 40)),
        noDigitalContact: first(ctx.body, "geen-digitaal") === "ja",
      };
      const result = await saveMyPreferences(
        { db: deps.database.db, clock: deps.clock },
        ctx.resident,
        input,
      );
      if (!result.ok) {
        const field =
          result.field === "preferredChannel"
            ? "voorkeurskanaal"
            : result.field === "language"
              ? "taal"
              : "behoefte-larger-text";
        return preferencesPage(c, ctx, {
          error: { field, message: w.invalidChoice },
          values: {
            voorkeurskanaal: input.preferredChannel,
            taal: input.language,
            behoefte: input.needs,
            "geen-digitaal": input.noDigitalContact ? "ja" : "",
          },
        });
      }
      return c.redirect(withParam(ctx.links.href("voorkeuren"), "gedaan", "voorkeuren"), 303);
    }),
  );

  app.post(`${PORTAL_PATH}/voorkeuren/onderwerp`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const topicId = first(ctx.body, "onderwerp").slice(0, 60);
      const channel = first(ctx.body, "onderwerp-kanaal").slice(0, 20);
      const result = await saveMyTopicPreference({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        topicId,
        channel,
      });
      if (!result.ok)
        return preferencesPage(c, ctx, {
          error:
            result.field === "topicId"
              ? { field: "onderwerp", message: w.topicInvalid }
              : { field: "onderwerp-kanaal", message: w.invalidChoice },
          values: { onderwerp: topicId, "onderwerp-kanaal": channel },
        });
      return c.redirect(withParam(ctx.links.href("voorkeuren"), "gedaan", "onderwerp"), 303);
    }),
  );
}
