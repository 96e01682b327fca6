import type { Context } from "hono";
import {
  getMyConsents,
  getMyInzage,
  MAX_PRIVACY_REQUEST_CHARS,
  requestCorrectionOrErasure,
  setMyConsent,
} from "../features/portal";
import type { App } from "../platform/http/types";
import { inzagePdf } from "./inzage-pdf";
import { messages } from "./messages";
import { first, langOf, PORTAL_PATH, type PortalContext, withParam } from "./portal-context";
import { privacyMessages } from "./privacy-messages";
import { ConsentPage, dueText, InzagePage, PrivacyRequestPage } from "./privacy-pages";

/** Privacy: consents, inzage (on screen and as JSON or PDF download) and requests for correction or erasure. */
export function registerPrivacyRoutes(app: App, portal: PortalContext) {
  const { deps, html, message, tenantOf, notFound, residentOf, limited, residentPost, loggedInPage } = portal;

  app.get(`${PORTAL_PATH}/toestemming`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const consents = await getMyConsents({ db: deps.database.db, clock: deps.clock }, resident);
      const notice = c.req.query("gedaan") === "1" ? privacyMessages[links.lang].consentSaved : undefined;
      return html(
        c,
        200,
        <ConsentPage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          consents={consents}
          notice={notice}
        />,
      );
    }),
  );

  app.post(`${PORTAL_PATH}/toestemming`, (c) =>
    residentPost(c, async (ctx) => {
      const choice = first(ctx.body, "keuze");
      const result =
        choice === "ja" || choice === "nee"
          ? await setMyConsent({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
              purpose: first(ctx.body, "doel").slice(0, 60),
              given: choice === "ja",
            })
          : null;
      if (!result?.ok) {
        const w = messages[ctx.links.lang];
        return message(c, ctx.tenant.slug, 400, w.errorTitle, w.invalidChoice, ctx.links.href("toestemming"));
      }
      return c.redirect(withParam(ctx.links.href("toestemming"), "gedaan", "1"), 303);
    }),
  );

  app.get(`${PORTAL_PATH}/inzage`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const inzage = await getMyInzage({ db: deps.database.db, clock: deps.clock }, resident, {
        action: "portal.inzage.read",
      });
      return html(
        c,
        200,
        <InzagePage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          inzage={inzage}
        />,
      );
    }),
  );

  /**
   * The downloads: only the data subject's own session gets them (anyone else, including a representative
   * for the person they represent, gets a 404, never a redirect that would confirm anything).
   */
  const download = async (c: Context, kind: "json" | "pdf") => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return notFound(c, tenant.slug);
    const { lang } = langOf(c);
    const inzage = await getMyInzage({ db: deps.database.db, clock: deps.clock }, resident, {
      action: kind === "json" ? "portal.inzage.download-json" : "portal.inzage.download-pdf",
    });
    const day = inzage.generatedAt.toISOString().slice(0, 10);
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Content-Disposition", `attachment; filename="inzage-${tenant.slug}-${day}.${kind}"`);
    if (kind === "json") {
      c.header("Content-Type", "application/json; charset=utf-8");
      return c.body(JSON.stringify({ municipality: tenant.slug, ...inzage }, null, 2), 200);
    }
    const name = (
      await deps.database.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [tenant.tenantId])
    )[0]?.name;
    const pdf = await inzagePdf(lang, inzage, name ?? tenant.slug);
    c.header("Content-Type", "application/pdf");
    return c.body(new Uint8Array(pdf), 200);
  };
  app.get(`${PORTAL_PATH}/inzage.json`, (c) => download(c, "json"));
  app.get(`${PORTAL_PATH}/inzage.pdf`, (c) => download(c, "pdf"));

  app.get(`${PORTAL_PATH}/inzage/verzoek`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const p = privacyMessages[links.lang];
      const reference = c.req.query("kenmerk") ?? "";
      const due = new Date(c.req.query("termijn") ?? "");
      const notice =
        /^[A-Z0-9-]{1,40}$/.test(reference) && !Number.isNaN(due.getTime())
          ? p.requestDone(reference, dueText(links.lang, due))
          : undefined;
      return html(
        c,
        200,
        <PrivacyRequestPage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          notice={notice}
        />,
      );
    }),
  );

  app.use(`${PORTAL_PATH}/inzage/verzoek`, limited);
  app.post(`${PORTAL_PATH}/inzage/verzoek`, (c) =>
    residentPost(c, async (ctx) => {
      const p = privacyMessages[ctx.links.lang];
      const kind = first(ctx.body, "soort").slice(0, 20);
      const text = first(ctx.body, "verzoek");
      const result = await requestCorrectionOrErasure(deps, ctx.resident, {
        kind,
        text,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      if (!result.ok) {
        const error =
          result.field === "kind"
            ? { field: "soort-correction", message: p.requestKindMissing }
            : {
                field: "verzoek",
                message:
                  result.reason === "too-long" ? p.requestTooLong(MAX_PRIVACY_REQUEST_CHARS) : p.requestEmpty,
              };
        return html(
          c,
          400,
          <PrivacyRequestPage
            links={ctx.links}
            csrf={ctx.resident.csrfToken}
            logout={ctx.links.href("uitloggen")}
            error={error}
            values={{ soort: kind, verzoek: text.slice(0, MAX_PRIVACY_REQUEST_CHARS * 2) }}
          />,
        );
      }
      const target = withParam(ctx.links.href("inzage/verzoek"), "kenmerk", result.reference);
      return c.redirect(withParam(target, "termijn", result.dueAt.toISOString()), 303);
    }),
  );
}
