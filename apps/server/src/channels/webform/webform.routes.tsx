import { parseQuestionReference } from "@omniloket/domain";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import { ingestInteraction } from "../../features/ingest";
import { disabledWebForms, resolveTenant } from "../../features/organisation";
import { findFollowedQuestion, followCode, showFollowCode } from "../../features/portal";
import { sendConfirmation } from "../../features/replies";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http/types";
import { signedUrlCandidates } from "../request-urls";
import { confirmationMessage } from "./confirmation-message";
import { type FormDefinition, type Lang, loadForms } from "./form-definition";
import { ConfirmationPage, FormPage, MessagePage, STYLESHEET_PATH } from "./form-page";
import { FORM_CSS, FORM_CSS_GZIP } from "./form-styles";
import { createFormToken, verifyFormToken } from "./form-token";
import { tokenBucket } from "./rate-limit";
import { submissionToIngest } from "./submission-to-ingest";
import { type RawBody, validateSubmission } from "./validate-submission";

export const FORM_PATH = "/formulieren/:gemeente/:formId";
/** Carries the follow code from the form's post to its receipt page only, so it is never in a URL. */
const FOLLOW_COOKIE = "omniloket_volgcode";

export type WebformOptions = {
  /** Where the form definitions live; a municipality's own directory later. */
  formsDir?: string;
  rateLimit?: { capacity: number; refillPerSecond: number };
};

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const texts = {
  nl: {
    notFound: ["Dit formulier bestaat niet", "Controleer het adres van de pagina."],
    expired: [
      "Het formulier is verlopen",
      "Uw gegevens zijn niet verstuurd. Open het formulier opnieuw en vul het nog een keer in.",
    ],
    tooMany: [
      "Te veel verzoeken",
      "U heeft in korte tijd veel formulieren verstuurd. Wacht een paar minuten en probeer het dan opnieuw.",
    ],
    unreadable: ["Het formulier kon niet worden gelezen", "Verstuur het formulier opnieuw vanaf de pagina."],
    tooLarge: ["Het formulier is te groot", "Stuur minder of kleinere bestanden mee."],
  },
  en: {
    notFound: ["This form does not exist", "Please check the address of the page."],
    expired: [
      "The form has expired",
      "Your details were not sent. Open the form again and fill it in once more.",
    ],
    tooMany: [
      "Too many requests",
      "You have sent many forms in a short time. Please wait a few minutes and try again.",
    ],
    unreadable: ["The form could not be read", "Please send the form again from its page."],
    tooLarge: ["The form is too large", "Please send fewer or smaller files."],
  },
} satisfies Record<Lang, Record<string, [string, string]>>;

function langOf(c: Context): Lang {
  return c.req.query("lang") === "en" ? "en" : "nl";
}

function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** A browser's own form post comes from our origin; anything else is refused before the body is read. */
function isCrossSite(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = c.req.header("origin");
  if (origin === undefined) return false;
  return !signedUrlCandidates(c).some((url) => new URL(url).origin === origin);
}

/**
 * Web forms for residents (public, rate-limited, without JavaScript). A form URL names its municipality
 * by slug: /formulieren/{gemeente}/{formId}.
 */
export function registerWebformRoutes(app: App, deps: AppDeps, options: WebformOptions = {}) {
  const forms = loadForms(options.formsDir);
  const bucket = tokenBucket(options.rateLimit ?? { capacity: 20, refillPerSecond: 0.1 });
  const maxFileBytes = deps.config.attachmentMaxBytes;
  const largestForm = Math.max(
    ...[...forms.values()].map((f) =>
      f.attachments.allowed ? f.attachments.maxFiles * f.attachments.maxBytes : 0,
    ),
  );
  const secret = deps.config.formSecret;

  const html = (c: Context, status: 200 | 400 | 403 | 404 | 413 | 429, page: JSX.Element) => {
    c.header("Content-Security-Policy", CSP);
    return c.html(page, status);
  };
  const message = (c: Context, status: 400 | 403 | 404 | 413 | 429, key: keyof (typeof texts)["nl"]) => {
    const lang = langOf(c);
    const [title, text] = texts[lang][key];
    return html(c, status, <MessagePage lang={lang} title={title} text={text} />);
  };

  /** The municipality and form a URL names, or null for a 404 page (also when the municipality switched it off). */
  const lookup = async (c: Context): Promise<{ tenantId: string; form: FormDefinition } | null> => {
    const form = forms.get(c.req.param("formId") ?? "");
    if (!form) return null;
    try {
      const tenant = await resolveTenant(deps.database.db, c.req.param("gemeente"));
      if ((await disabledWebForms(deps.database.db, tenant.id)).includes(form.id)) return null;
      return { tenantId: tenant.id, form };
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  };

  const urls = (c: Context, lang: Lang) => {
    const path = `/formulieren/${encodeURIComponent(c.req.param("gemeente") ?? "")}/${encodeURIComponent(c.req.param("formId") ?? "")}`;
    return {
      action: lang === "en" ? `${path}?lang=en` : path,
      langSwitch: lang === "en" ? path : `${path}?lang=en`,
      confirmation: (ref: string) =>
        `${path}/bevestiging?ref=${encodeURIComponent(ref)}${lang === "en" ? "&lang=en" : ""}`,
    };
  };

  app.get(STYLESHEET_PATH, (c) => {
    const headers = {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
      vary: "Accept-Encoding",
    };
    if (!/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) return c.body(FORM_CSS, 200, headers);
    return c.body(new Uint8Array(FORM_CSS_GZIP), 200, { ...headers, "content-encoding": "gzip" });
  });

  const limited = async (c: Context, next: () => Promise<void>) => {
    if (!bucket.take(clientAddress(c), deps.clock())) {
      c.header("Retry-After", "60");
      return message(c, 429, "tooMany");
    }
    await next();
  };
  app.use(FORM_PATH, limited);
  app.use(`${FORM_PATH}/bevestiging`, limited);
  app.use(
    FORM_PATH,
    bodyLimit({
      maxSize: Math.max(deps.config.bodyLimitBytes, largestForm + 1_048_576),
      onError: (c) => message(c, 413, "tooLarge"),
    }),
  );

  app.get(FORM_PATH, async (c) => {
    const found = await lookup(c);
    if (!found) return message(c, 404, "notFound");
    const lang = langOf(c);
    const token = createFormToken(secret, `${found.tenantId}|${found.form.id}`, deps.clock());
    const { action, langSwitch } = urls(c, lang);
    return html(
      c,
      200,
      <FormPage
        form={found.form}
        lang={lang}
        action={action}
        langSwitch={langSwitch}
        token={token}
        values={{}}
        errors={[]}
        maxFileBytes={maxFileBytes}
      />,
    );
  });

  app.post(FORM_PATH, async (c) => {
    if (isCrossSite(c)) return message(c, 403, "expired");
    const found = await lookup(c);
    if (!found) return message(c, 404, "notFound");
    const { tenantId, form } = found;
    const lang = langOf(c);
    const type = c.req.header("content-type") ?? "";
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type))
      return message(c, 400, "unreadable");
    let body: RawBody;
    try {
      body = (await c.req.parseBody({ all: true })) as RawBody;
    } catch {
      return message(c, 400, "unreadable");
    }
    const scope = `${tenantId}|${form.id}`;
    const token = typeof body._token === "string" ? body._token : "";
    const nonce = verifyFormToken(secret, scope, token, deps.clock());
    if (!nonce) return message(c, 403, "expired");

    const submission = await validateSubmission(form, body, lang, maxFileBytes);
    const { action, langSwitch, confirmation } = urls(c, lang);
    if (submission.errors.length > 0) {
      return html(
        c,
        400,
        <FormPage
          form={form}
          lang={lang}
          action={action}
          langSwitch={langSwitch}
          token={createFormToken(secret, scope, deps.clock())}
          values={submission.values}
          errors={submission.errors}
          maxFileBytes={maxFileBytes}
        />,
      );
    }
    const result = await ingestInteraction(deps, {
      tenantId,
      interaction: submissionToIngest(form, submission, nonce, lang),
    });
    const email = form.fields.find((f) => f.type === "email");
    const to = email ? submission.values[email.id] : undefined;
    const code = showFollowCode(followCode(secret, tenantId, result.questionId));
    const followPath = `/mijn/${encodeURIComponent(c.req.param("gemeente") ?? "")}/volgen`;
    const publicUrl = deps.config.publicUrl;
    // A repeat of the same submission already had its confirmation.
    if (to && !result.repeated) {
      await sendConfirmation(
        { db: deps.database.db, clock: deps.clock },
        {
          tenantId,
          questionId: result.questionId,
          to,
          language: lang === "en" ? "eng" : "nld",
          ...confirmationMessage(form, lang, result.questionReference, {
            code,
            url: publicUrl ? `${publicUrl}${followPath}` : null,
          }),
        },
      );
    }
    setCookie(c, FOLLOW_COOKIE, code, {
      path: new URL(confirmation(result.questionReference), "http://x").pathname,
      httpOnly: true,
      secure: signedUrlCandidates(c).some((url) => url.startsWith("https:")),
      sameSite: "Lax",
      maxAge: 15 * 60,
    });
    return c.redirect(confirmation(result.questionReference), 303);
  });

  app.get(`${FORM_PATH}/bevestiging`, async (c) => {
    const found = await lookup(c);
    const reference = parseQuestionReference(c.req.query("ref") ?? "");
    if (!found || !reference.ok) return message(c, 404, "notFound");
    const lang = langOf(c);
    // The follow code only for the browser that just sent this form (its cookie), checked against the reference.
    const code = getCookie(c, FOLLOW_COOKIE) ?? "";
    const followed =
      code &&
      (await findFollowedQuestion(
        { db: deps.database.db, secret },
        { tenantId: found.tenantId, reference: reference.value.reference, code },
      ));
    const followHref = `/mijn/${encodeURIComponent(c.req.param("gemeente") ?? "")}/volgen${lang === "en" ? "?lang=en" : ""}`;
    return html(
      c,
      200,
      <ConfirmationPage
        form={found.form}
        lang={lang}
        reference={reference.value.reference}
        follow={followed ? { code, href: followHref } : undefined}
      />,
    );
  });
}
