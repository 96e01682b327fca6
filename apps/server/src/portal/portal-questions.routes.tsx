import type { Context } from "hono";
import {
  chatOffered,
  followCode,
  getMyFeedback,
  getMyQuestion,
  giveQuestionFeedback,
  listMyQuestions,
  MAX_FEEDBACK_COMMENT_CHARS,
  MAX_PORTAL_MESSAGE_CHARS,
  moveQuestionChannel,
  type PortalResident,
  type PortalWriteResult,
  replyInPortal,
  requestPortalCallback,
  showFollowCode,
} from "../features/portal";
import type { App } from "../platform/http/types";
import { AppointmentLink } from "./appointment-pages";
import { ChatAboutQuestionButton } from "./chat-about-question";
import { feedbackMessages } from "./feedback-messages";
import { FollowCodeNote } from "./follow-pages";
import { channelName, messages } from "./messages";
import { first, PORTAL_PATH, type PortalContext, withParam } from "./portal-context";
import { FeedbackForm } from "./portal-feedback-form";
import { ContinueForms, type FormProblem } from "./portal-forms";
import { type PortalLinks, QuestionPage, QuestionsPage } from "./portal-pages";

/** The resident's questions: the list, one question, and continuing it (a message, a callback, another channel). */
export function registerQuestionRoutes(app: App, portal: PortalContext) {
  const { deps, linksFor, html, tenantOf, notFound, residentOf, limited, residentPost } = portal;

  app.get(`${PORTAL_PATH}/vragen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const data = await listMyQuestions({ db: deps.database.db, clock: deps.clock }, resident);
    return html(
      c,
      200,
      <QuestionsPage links={links} csrf={resident.csrfToken} logout={links.href("uitloggen")} data={data} />,
    );
  });

  const questionPage = async (
    c: Context,
    ctx: { tenant: { slug: string }; links: PortalLinks; resident: PortalResident },
    questionId: string,
    state: { notice?: string; error?: FormProblem; values?: Record<string, string> } = {},
  ) => {
    const question = await getMyQuestion(
      { db: deps.database.db, clock: deps.clock },
      ctx.resident,
      questionId,
    );
    if (!question) return notFound(c, ctx.tenant.slug);
    // A choice between radio buttons: the error points at the first one offered.
    const error =
      state.error?.field === "kanaal"
        ? { ...state.error, field: `kanaal-${question.continueWith?.movable[0] ?? "email"}` }
        : state.error?.field === "geholpen"
          ? { ...state.error, field: "geholpen-ja" }
          : state.error;
    // "Heeft dit u geholpen?" under the resident's own resolved questions.
    const askFeedback = question.status === "resolved" && question.representedName === null;
    const feedback = askFeedback ? await getMyFeedback(deps.database.db, ctx.resident, question.id) : null;
    return html(
      c,
      error ? 400 : 200,
      <QuestionPage
        links={ctx.links}
        csrf={ctx.resident.csrfToken}
        logout={ctx.links.href("uitloggen")}
        question={question}
        notice={state.notice}
        error={error}
      >
        {question.continueWith && (
          <ContinueForms
            links={ctx.links}
            csrf={ctx.resident.csrfToken}
            questionId={question.id}
            options={question.continueWith}
            error={error}
            values={state.values}
          />
        )}
        {askFeedback && (
          <FeedbackForm
            links={ctx.links}
            csrf={ctx.resident.csrfToken}
            questionId={question.id}
            current={feedback}
            error={error}
            values={state.values}
          />
        )}
        {question.continueWith && <AppointmentLink links={ctx.links} questionId={question.id} />}
        {question.continueWith && (
          <FollowCodeNote
            links={ctx.links}
            code={showFollowCode(followCode(deps.config.formSecret, ctx.resident.tenantId, question.id))}
          />
        )}
        {question.continueWith && (await chatOffered(deps, ctx.resident.tenantId)) && (
          <ChatAboutQuestionButton links={ctx.links} csrf={ctx.resident.csrfToken} questionId={question.id} />
        )}
      </QuestionPage>,
    );
  };

  app.get(`${PORTAL_PATH}/vragen/:questionId`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const done = c.req.query("gedaan");
    const questionId = c.req.param("questionId");
    let notice: string | undefined;
    if (done === "bericht") notice = w.messageSent;
    else if (done === "terugbellen") notice = w.callbackDone;
    else if (done === "geholpen") notice = feedbackMessages[links.lang].thanks;
    else if (done === "email" || done === "whatsapp" || done === "letter")
      notice = w.channelMoved(channelName(links.lang, done));
    return questionPage(c, { tenant, links, resident }, questionId, { notice });
  });

  const afterWrite = async (
    c: Context,
    ctx: { tenant: { slug: string }; links: PortalLinks; resident: PortalResident },
    questionId: string,
    result: PortalWriteResult | null,
    done: string,
    problem: (result: Extract<PortalWriteResult, { ok: false }>) => FormProblem,
    values: Record<string, string>,
  ) => {
    if (!result) return notFound(c, ctx.tenant.slug);
    if (!result.ok) return questionPage(c, ctx, questionId, { error: problem(result), values });
    return c.redirect(withParam(ctx.links.href(`vragen/${questionId}`), "gedaan", done), 303);
  };

  app.use(`${PORTAL_PATH}/vragen/:questionId/bericht`, limited);
  app.post(`${PORTAL_PATH}/vragen/:questionId/bericht`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const text = first(ctx.body, "bericht");
      const result = await replyInPortal(deps, ctx.resident, {
        questionId,
        text,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        "bericht",
        (r) => ({
          field: "bericht",
          message: r.reason === "too-long" ? w.messageTooLong(MAX_PORTAL_MESSAGE_CHARS) : w.messageEmpty,
        }),
        { bericht: text.slice(0, MAX_PORTAL_MESSAGE_CHARS * 2) },
      );
    }),
  );

  app.post(`${PORTAL_PATH}/vragen/:questionId/terugbellen`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const phone = first(ctx.body, "telefoon").slice(0, 40);
      const slot = first(ctx.body, "tijd").slice(0, 40);
      const result = await requestPortalCallback({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        questionId,
        phone,
        slot,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        "terugbellen",
        (r) =>
          r.field === "phone"
            ? { field: "telefoon", message: w.phoneInvalid }
            : { field: "tijd", message: w.slotInvalid },
        { telefoon: phone, tijd: slot },
      );
    }),
  );

  app.post(`${PORTAL_PATH}/vragen/:questionId/geholpen`, (c) =>
    residentPost(c, async (ctx) => {
      const w = feedbackMessages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const helped = first(ctx.body, "geholpen").slice(0, 10);
      const comment = first(ctx.body, "toelichting");
      const result = await giveQuestionFeedback({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        questionId,
        helped,
        comment,
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        "geholpen",
        (r) =>
          r.reason === "too-long"
            ? { field: "toelichting", message: w.tooLong(MAX_FEEDBACK_COMMENT_CHARS) }
            : r.reason === "not-resolved"
              ? { field: "", message: w.notResolved }
              : { field: "geholpen", message: w.missing },
        { geholpen: helped, toelichting: comment.slice(0, MAX_FEEDBACK_COMMENT_CHARS * 2) },
      );
    }),
  );

  app.post(`${PORTAL_PATH}/vragen/:questionId/kanaal`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const channel = first(ctx.body, "kanaal").slice(0, 20);
      const result = await moveQuestionChannel({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        questionId,
        channel,
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        channel,
        (r) => ({
          field: "kanaal",
          message: r.reason === "unreachable" ? w.channelUnreachable : w.channelInvalid,
        }),
        {},
      );
    }),
  );
}
