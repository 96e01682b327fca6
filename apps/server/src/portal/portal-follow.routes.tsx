import type { Context } from "hono";
import { createFormToken, verifyFormToken } from "../channels/webform";
import { followQuestion, writeOnFollowedQuestion } from "../features/portal";
import type { App } from "../platform/http/types";
import { followMessages } from "./follow-messages";
import { FollowedPage, FollowFormPage } from "./follow-pages";
import { messages } from "./messages";
import { formBody, isCrossSite, PORTAL_PATH, type PortalContext, type PortalTenant } from "./portal-context";

/**
 * Following a question without logging in: its reference and follow code (from the web form's
 * receipt) in a POST form, so the code never lands in a URL. A wrong pair answers exactly as a missing
 * one; every post is rate-limited per client address like the login. Writing adds an inbound "webform"
 * contact to the same question through the ordinary ingest.
 */
export function registerFollowRoutes(app: App, portal: PortalContext) {
  const { deps, linksFor, html, tenantOf, notFound, limited } = portal;
  const secret = deps.config.formSecret;
  const scope = (tenantId: string) => `portal-follow|${tenantId}`;
  const token = (tenantId: string) => createFormToken(secret, scope(tenantId), deps.clock());

  app.use(`${PORTAL_PATH}/volgen`, limited);
  app.use(`${PORTAL_PATH}/volgen/bericht`, limited);
  app.use(`${PORTAL_PATH}/volgen/*`, async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.use(`${PORTAL_PATH}/volgen`, async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.get(`${PORTAL_PATH}/volgen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    return html(c, 200, <FollowFormPage links={linksFor(c, tenant.slug)} token={token(tenant.tenantId)} />);
  });

  /** The posted form, checked: same origin, our token (its nonce identifies the post), the pair. */
  const readPost = async (c: Context, tenant: PortalTenant) => {
    const body = isCrossSite(c) ? null : await formBody(c);
    const nonce = body
      ? verifyFormToken(secret, scope(tenant.tenantId), body._token ?? "", deps.clock())
      : null;
    if (!body || !nonce) return null;
    return {
      body,
      nonce,
      reference: (body.vraagnummer ?? "").trim().slice(0, 40),
      code: (body.volgcode ?? "").trim().slice(0, 40),
    };
  };

  const expired = (c: Context, tenant: PortalTenant) => {
    const links = linksFor(c, tenant.slug);
    const w = messages[links.lang];
    return html(
      c,
      403,
      <FollowFormPage
        links={links}
        token={token(tenant.tenantId)}
        error={{ field: "vraagnummer", message: w.formExpired }}
      />,
    );
  };
  const notFollowed = (c: Context, tenant: PortalTenant, reference: string) => {
    const links = linksFor(c, tenant.slug);
    return html(
      c,
      404,
      <FollowFormPage
        links={links}
        token={token(tenant.tenantId)}
        reference={reference}
        error={{ field: "vraagnummer", message: followMessages[links.lang].notFound }}
      />,
    );
  };

  const followedPage = async (
    c: Context,
    tenant: PortalTenant,
    pair: { reference: string; code: string },
    state: { notice?: string; error?: { field: string; message: string }; text?: string } = {},
  ) => {
    const question = await followQuestion(
      { db: deps.database.db, clock: deps.clock, secret },
      { tenantId: tenant.tenantId, ...pair },
    );
    if (!question) return notFollowed(c, tenant, pair.reference);
    return html(
      c,
      state.error ? 400 : 200,
      <FollowedPage
        links={linksFor(c, tenant.slug)}
        token={token(tenant.tenantId)}
        question={question}
        reference={pair.reference}
        code={pair.code}
        {...state}
      />,
    );
  };

  app.post(`${PORTAL_PATH}/volgen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const posted = await readPost(c, tenant);
    if (!posted) return expired(c, tenant);
    return followedPage(c, tenant, posted);
  });

  app.post(`${PORTAL_PATH}/volgen/bericht`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const posted = await readPost(c, tenant);
    if (!posted) return expired(c, tenant);
    const f = followMessages[linksFor(c, tenant.slug).lang];
    const text = posted.body.bericht ?? "";
    const written = await writeOnFollowedQuestion(deps, {
      tenantId: tenant.tenantId,
      reference: posted.reference,
      code: posted.code,
      text,
      submissionId: posted.nonce,
      language: linksFor(c, tenant.slug).lang === "en" ? "eng" : "nld",
    });
    if (!written) return notFollowed(c, tenant, posted.reference);
    if (!written.ok)
      return followedPage(c, tenant, posted, {
        error: { field: "bericht", message: written.reason === "empty" ? f.empty : f.tooLong },
        text: text.slice(0, 10_000),
      });
    return followedPage(c, tenant, posted, { notice: f.sent });
  });
}
