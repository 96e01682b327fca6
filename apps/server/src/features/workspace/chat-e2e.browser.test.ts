import assert from "node:assert/strict";
import type { Server } from "node:http";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import type { Browser, Page } from "playwright-core";
import { createApp } from "../../app";
import { enableChat, smtpCapture } from "../../channels/chat/chat.test-helpers";
import { type RunningSmtpInbound, startSmtpInbound } from "../../channels/email";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  TEST_PASSWORD,
  testDeps,
} from "../../test-support/harness";
import { createEmployee } from "../accounts";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  launchChromium,
  logInByKeyboard,
  openPage,
  serveApp,
  until,
} from "./browser-test-support";
import { siteServer } from "./chat-widget-test-support";
import { ensureWebBuild } from "./web-build";

const [backend] = testBackends();
const SLUG = "ketenstad";
const RESIDENT = "noor@voorbeeld.test";

/**
 * The web chat from end to end, as the issue asks: a visitor on the municipality's own site chats
 * anonymously, identifies with an emailed code, an employee answers in the workspace and transfers to a
 * colleague, who ends the chat; the transcript arrives by email over SMTP on loopback, and the
 * resident's reply to it (through Omniloket's own SMTP server) lands in the same question.
 */
describe(hasChromium
  ? "web chat end to end in Debian chromium: widget, workspace, transfer, transcript by email, reply"
  : `web chat end-to-end test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let deps: AppDeps;
  let omniloket: Awaited<ReturnType<typeof serveApp>>;
  let site: { server: Server; origin: string };
  let browser: Browser;
  let relay: Awaited<ReturnType<typeof smtpCapture>>;
  let inbound: RunningSmtpInbound;
  let anna: Client;
  let bramId = "";
  let systemToken = "";
  let app: App;

  before(async () => {
    if (!backend) throw new Error("no backend");
    await ensureWebBuild();
    database = await backend.open();
    relay = await smtpCapture();
    const tenant = await createTestTenant(database, SLUG);
    const bram = await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Bram Collega",
      email: `bram@${SLUG}.test`,
      roles: ["agent"],
      password: TEST_PASSWORD,
      teamIds: [tenant.teams.general],
    });
    bramId = bram.id;
    systemToken = tenant.token;
    deps = testDeps(database);
    app = createApp(deps, { chat: { recheckMs: 500 } });
    omniloket = await serveApp(app);
    site = await siteServer(() => `${omniloket.baseUrl}/chat/widget.js`, SLUG);
    await enableChat(database, tenant.tenantId, SLUG, 600, [site.origin]);
    inbound = await startSmtpInbound(deps, { port: 0, host: "127.0.0.1" });
    anna = await logInAs(app, `agent@${SLUG}.test`);
    assert.equal((await anna.put("/api/v1/presence", { presence: "available" })).status, 200);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await inbound?.close();
    await omniloket?.close();
    await new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve()));
    await database?.drop();
    await relay?.close();
  });

  /** An employee's workspace on the question, logged in by keyboard. */
  async function workspaceOn(email: string, questionId: string, reference: string) {
    const { page, failures } = await openPage(browser);
    await logInByKeyboard(page, omniloket.baseUrl, email);
    await page.goto(`${omniloket.baseUrl}/werkplek/vragen/${questionId}`);
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
    const panel = page.getByRole("region", { name: "Chat", exact: true });
    return { page, failures, panel, log: panel.getByRole("log", { name: "Gesprek in de chat" }) };
  }

  async function answer(page: Page, text: string) {
    await page.locator("#chat-text").fill(text);
    await page.locator("#chat-text").press("Enter");
  }

  it("anonymous → identified → continues an earlier question → answered → transferred → ended → transcript by email → the reply lands in the same question", {
    timeout: 180_000,
  }, async () => {
    // Last week the resident emailed about their waste pass: an open question of theirs.
    const earlier = await client(app, { token: systemToken }).post("/api/v1/interactions", {
      channel: "email",
      externalId: "earlier-afvalpas",
      text: "Ik heb een nieuwe afvalpas nodig.",
      topicId: "afval",
      sender: { identifiers: [{ kind: "email", value: RESIDENT }] },
    });
    assert.equal(earlier.status, 201);
    const { questionId: earlierId, questionReference: earlierReference } = (await earlier.json()) as {
      questionId: string;
      questionReference: string;
    };

    // The visitor, anonymous: opens the widget on the municipality's site and writes.
    const { page: visitor, failures: visitorFailures } = await openPage(browser);
    await visitor.goto(site.origin);
    await visitor.getByRole("button", { name: "Chat met de gemeente" }).click();
    await visitor.getByRole("button", { name: "Start de chat" }).click();
    await visitor.getByText(/U bent (de volgende|nummer \d+ in de rij)/).waitFor();
    await visitor.getByLabel("Uw bericht").fill("Ik ben verhuisd, moet ik mijn afvalpas omzetten?");
    await visitor.getByRole("button", { name: "Versturen" }).click();
    const visitorLog = visitor.getByRole("log");
    await visitorLog.getByText("Ik ben verhuisd, moet ik mijn afvalpas omzetten?").waitFor();
    const [anonymous] = await database.query<{ party_id: string | null }>(
      "SELECT party_id::text FROM chat_sessions",
    );
    assert.equal(anonymous?.party_id, null, "anonymous at first");

    // Identifies with the code emailed over SMTP.
    await visitor.getByRole("button", { name: "Laat u herkennen" }).click();
    await visitor.getByLabel("Uw e-mailadres").fill(RESIDENT);
    await visitor.getByRole("button", { name: "Stuur code" }).click();
    await visitor.getByLabel("Code uit de e-mail (6 cijfers)").waitFor();
    const code = await relay.codeFor(deps, RESIDENT);
    await visitor.getByLabel("Code uit de e-mail (6 cijfers)").fill(code);
    await visitor.getByRole("button", { name: "Bevestigen" }).click();
    await visitor.getByText("U bent herkend. De medewerker kan uw eerdere vragen zien.").waitFor();

    // … sees their open question and continues it in this chat: one question, the whole story.
    const resume = visitor.getByRole("button", { name: `Verder met ${earlierReference} (Afval)` });
    await resume.waitFor();
    await expectNoAxeViolations(visitor, "chat widget offering an earlier question");
    await resume.click();
    await visitor.getByText(`U gaat verder met uw vraag ${earlierReference}.`, { exact: true }).waitFor();
    await visitorLog.getByText(/De medewerker ziet wat er eerder over is gezegd/).waitFor();
    const [chat] = await database.query<{ question_id: string; reference: string }>(
      "SELECT s.question_id::text, q.reference FROM chat_sessions s JOIN questions q ON q.id = s.question_id",
    );
    assert.deepEqual(chat, { question_id: earlierId, reference: earlierReference });

    // Anna answers in the workspace.
    const first = await workspaceOn(`agent@${SLUG}.test`, chat.question_id, chat.reference);
    await first.log.getByText("Ik ben verhuisd, moet ik mijn afvalpas omzetten?").waitFor();
    await answer(first.page, "Ja, dat regel ik voor u. Ik verbind u door met mijn collega van afval.");
    await visitorLog.getByText(/Ja, dat regel ik voor u\./).waitFor();
    await visitor.getByText("U chat met Anna.").waitFor();

    // … and transfers to Bram, with a note; the visitor is told, the history goes along.
    await first.panel.getByRole("button", { name: "Doorverbinden" }).click();
    await first.page.locator("#chat-transfer-target").selectOption(`employee:${bramId}`);
    await first.page.locator("#chat-transfer-note").fill("Afvalpas omzetten na verhuizing.");
    await first.page.locator("#chat-transfer-confirm").click();
    await first.page
      .getByTestId("question-announcer")
      .getByText("De vraag is doorverbonden naar Bram Collega.")
      .waitFor();
    await visitorLog.getByText(/We verbinden u door met een collega\./).waitFor();
    await visitor.getByText("U chat met Bram.").waitFor();
    assert.deepEqual(first.failures, []);
    await first.page.context().close();

    // Bram sees the whole conversation, answers, and ends the chat with a wrap-up.
    const second = await workspaceOn(`bram@${SLUG}.test`, chat.question_id, chat.reference);
    await second.log.getByText("Ik ben verhuisd, moet ik mijn afvalpas omzetten?").waitFor();
    await second.log.getByText(/Ja, dat regel ik voor u\./).waitFor();
    await answer(second.page, "Uw afvalpas staat nu op uw nieuwe adres.");
    await visitorLog.getByText("Uw afvalpas staat nu op uw nieuwe adres.").waitFor();
    await second.page.locator("#chat-end").click();
    await second.page.locator("#chat-wrap-up").fill("Afvalpas omgezet naar het nieuwe adres.");
    await second.page.locator("#chat-end-confirm").click();
    await second.panel.getByTestId("chat-status").getByText("De chat is beëindigd.").waitFor();
    await visitor.getByText(/Het gesprek is afgelopen/).waitFor();
    await expectNoAxeViolations(visitor, "chat widget closed after the employee ended it");

    // The transcript by email: over SMTP to the relay on loopback, with the question's reference.
    await visitor.getByLabel("Wilt u het gesprek per e-mail ontvangen?").fill(RESIDENT);
    await visitor.getByRole("button", { name: "Stuur mij het gesprek" }).click();
    await visitor.getByText("We hebben het gesprek naar uw e-mailadres gestuurd.").waitFor();
    const before = relay.received.length;
    assert.equal((await relay.deliver(deps)).sent, 1);
    assert.equal(relay.received.length, before + 1, "one email: the transcript");
    const mail = await simpleParser(relay.received.at(-1) ?? Buffer.alloc(0));
    assert.equal(mail.subject, `Uw chat met gemeente ${SLUG} [${chat.reference}]`);
    assert.match(mail.text ?? "", /U: Ik ben verhuisd, moet ik mijn afvalpas omzetten\?/);
    assert.match(mail.text ?? "", /Medewerker: Uw afvalpas staat nu op uw nieuwe adres\./);
    assert.ok(mail.messageId, "the transcript carries our Message-ID");

    // The resident replies to it; the reply arrives through Omniloket's SMTP server.
    const mailer = nodemailer.createTransport({
      host: "127.0.0.1",
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
    await mailer.sendMail({
      from: `Noor <${RESIDENT}>`,
      to: `contact@${SLUG}.test`,
      subject: `Re: ${mail.subject}`,
      text: "Dank u! Moet ik de oude pas nog inleveren?",
      inReplyTo: mail.messageId,
      references: mail.messageId,
    });
    mailer.close();
    let reply: { question_id: string; party_id: string } | undefined;
    await until(async () => {
      [reply] = await database.query<{ question_id: string; party_id: string }>(
        `SELECT i.question_id::text, ip.party_id::text FROM interactions i
           JOIN interaction_parties ip ON ip.interaction_id = i.id AND ip.role = 'resident'
          WHERE i.channel = 'email' AND i.direction = 'inbound'`,
      );
      return reply !== undefined;
    }, "the emailed reply stored");
    assert.equal(reply?.question_id, chat.question_id, "the reply continues the chat's question");
    const [resident] = await database.query<{ resident_party_id: string }>(
      "SELECT resident_party_id::text FROM questions WHERE id = $1",
      [chat.question_id],
    );
    assert.equal(reply?.party_id, resident?.resident_party_id, "and it is the same resident");

    // Bram's workspace shows the reply in the question's timeline without a reload.
    await second.page.getByText("Dank u! Moet ik de oude pas nog inleveren?").first().waitFor();
    assert.deepEqual(second.failures, []);
    assert.deepEqual(visitorFailures, []);
    await second.page.context().close();
    await visitor.context().close();
  });
});
