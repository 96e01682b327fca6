import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dataOf, enableChat, visitor } from "../../channels/chat/chat.test-helpers";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, TEST_PASSWORD } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  tabTo,
  until,
} from "./browser-test-support";

const [backend] = testBackends();
const SLUG = "chatbalie";

describe(hasChromium
  ? "werkplek chat panel in Debian chromium: live messages, answer and end by keyboard (axe)"
  : `werkplek chat browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let app: App;
  let colleagueId = "";
  const ctx = browserTestContext(backend, async ({ database, app: served }) => {
    app = served;
    const tenant = await createTestTenant(database, SLUG);
    await enableChat(database, tenant.tenantId, SLUG, 600);
    const colleague = await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Bram Collega",
      email: `bram@${SLUG}.test`,
      roles: ["agent"],
      password: TEST_PASSWORD,
      teamIds: [tenant.teams.general],
    });
    colleagueId = colleague.id;
    await database.query("INSERT INTO canned_texts (tenant_id, name, body) VALUES ($1, $2, $3)", [
      tenant.tenantId,
      "Begroeting",
      "Goedendag, u chat met de gemeente over {{kenmerk}}.",
    ]);
  });

  /** A visitor on a waiting chat about waste who wrote one line, with their stream open. */
  async function waitingChat(ip: string, text: string) {
    const v = visitor(app, SLUG, ip);
    const { questionReference } = await v.start({ topicId: "afval", language: "nl" });
    const [question] = await ctx.database.query<{ id: string }>(
      "SELECT id FROM questions WHERE reference = $1",
      [questionReference],
    );
    const stream = await v.stream();
    assert.equal((await v.send("messages", { text })).status, 201);
    return { v, question, questionReference, stream };
  }

  it("shows the visitor's messages live, answers by keyboard and ends the chat with a wrap-up", {
    timeout: 90_000,
  }, async () => {
    const { v, question, questionReference, stream } = await waitingChat(
      "198.51.100.7",
      "Mijn container is niet geleegd.",
    );
    try {
      const { page, failures } = await openPage(ctx.browser);
      await logInByKeyboard(page, ctx.baseUrl, `agent@${SLUG}.test`);
      await page.goto(`${ctx.baseUrl}/werkplek/vragen/${question?.id}`);
      await page.getByRole("heading", { level: 1, name: `Vraag ${questionReference}` }).waitFor();
      const panel = page.getByRole("region", { name: "Chat", exact: true });
      const log = panel.getByRole("log", { name: "Gesprek in de chat" });
      await log.getByText("Mijn container is niet geleegd.").waitFor();
      await log.getByText("Inwoner").first().waitFor();
      assert.equal(await log.getAttribute("aria-live"), "polite");
      await panel.getByText(/De inwoner wacht op antwoord/).waitFor();
      await expectNoAxeViolations(page, "question view with the chat panel");

      // Answer by keyboard: Shift+Enter is a new line, Enter sends (and accepts the chat).
      await tabTo(page, "chat-text", 80);
      await page.keyboard.type("Dat spijt me.");
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.type("Wij komen morgen langs.");
      assert.equal(await page.inputValue("#chat-text"), "Dat spijt me.\nWij komen morgen langs.");
      await page.keyboard.press("Enter");
      await log.getByText(/Wij komen morgen langs\./).waitFor();
      await until(
        async () => (await page.inputValue("#chat-text")) === "",
        "the field is emptied after sending",
      );
      await stream.waitFor((f) => f.event === "typing", "the visitor hears the employee typing");
      const answer = await stream.waitFor(
        (f) => f.event === "message" && dataOf<{ text: string }>(f).text.includes("Wij komen morgen langs."),
        "the answer on the visitor's stream",
      );
      assert.equal(dataOf<{ text: string }>(answer).text, "Dat spijt me.\nWij komen morgen langs.");
      await panel.getByText("De chat loopt.").waitFor();

      // The visitor writes again: it appears without a reload.
      assert.equal((await v.send("messages", { text: "Fijn, dank u wel!" })).status, 201);
      await log.getByText("Fijn, dank u wel!").waitFor();
      assert.equal(
        await page.evaluate("document.activeElement?.id"),
        "chat-text",
        "focus stays in the field",
      );

      // End with a wrap-up: required, with an optional reason.
      await tabTo(page, "chat-end");
      await page.keyboard.press("Enter");
      await panel.getByRole("heading", { level: 3, name: "Chat beëindigen" }).waitFor();
      await expectNoAxeViolations(page, "question view with the end-chat form open");
      await tabTo(page, "chat-end-confirm");
      await page.keyboard.press("Enter");
      await panel.getByText("Vul in wat er is gedaan of afgesproken.").waitFor();
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-wrap-up");
      await page.keyboard.type("Container morgen alsnog geleegd.");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Vraag beantwoord");
      await tabTo(page, "chat-end-confirm");
      await page.keyboard.press("Enter");
      await page.getByTestId("question-announcer").getByText("De chat is beëindigd.").waitFor();
      await panel.getByTestId("chat-status").getByText("De chat is beëindigd.").waitFor();
      await panel.getByText("Afronding: Container morgen alsnog geleegd.").waitFor();
      assert.equal(await panel.getByRole("textbox", { name: "Uw bericht in de chat" }).count(), 0);
      await log.getByText("Fijn, dank u wel!").waitFor();
      await expectNoAxeViolations(page, "question view after the chat ended");

      const [session] = await ctx.database.query<{ status: string; wrap_up: string; end_reason: string }>(
        "SELECT status, wrap_up, end_reason FROM chat_sessions WHERE question_id = $1",
        [question?.id],
      );
      assert.deepEqual(session, {
        status: "ended",
        wrap_up: "Container morgen alsnog geleegd.",
        end_reason: "Vraag beantwoord",
      });
      const texts = await ctx.database.query<{ sender: string; text: string }>(
        `SELECT m.sender, m.text FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
          WHERE s.question_id = $1 AND m.sender <> 'system' ORDER BY m.id`,
        [question?.id],
      );
      assert.deepEqual(texts, [
        { sender: "visitor", text: "Mijn container is niet geleegd." },
        { sender: "employee", text: "Dat spijt me.\nWij komen morgen langs." },
        { sender: "visitor", text: "Fijn, dank u wel!" },
      ]);
      assert.deepEqual(failures, [], "no script errors in the page");
      await page.context().close();
    } finally {
      await stream.close();
    }
  });

  it("inserts a canned text into the chat box, sends it, and transfers the chat to a colleague by keyboard (axe)", {
    timeout: 90_000,
  }, async () => {
    const { question, questionReference, stream } = await waitingChat("198.51.100.8", "Wie kan mij helpen?");
    try {
      const { page, failures } = await openPage(ctx.browser);
      await logInByKeyboard(page, ctx.baseUrl, `agent@${SLUG}.test`);
      await page.goto(`${ctx.baseUrl}/werkplek/vragen/${question?.id}`);
      const panel = page.getByRole("region", { name: "Chat", exact: true });
      const log = panel.getByRole("log", { name: "Gesprek in de chat" });
      await log.getByText("Wie kan mij helpen?").waitFor();

      // A canned text goes into the chat box, filled in by the server, and is only sent on Enter.
      await tabTo(page, "chat-canned-text", 80);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-canned-text-insert");
      await page.keyboard.press("Enter");
      const greeting = `Goedendag, u chat met de gemeente over ${questionReference}.`;
      await until(
        async () => (await page.inputValue("#chat-text")) === greeting,
        "the canned text in the box",
      );
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-text", "focus goes to the box");
      assert.equal(await log.getByText(greeting).count(), 0, "not sent before the employee sends it");
      await page.keyboard.press("Enter");
      await log.getByText(greeting).waitFor();
      await log.getByText("Anna Agent (medewerker)").waitFor();
      await stream.waitFor(
        (f) => f.event === "message" && dataOf<{ text: string }>(f).text === greeting,
        "the canned text on the visitor's stream",
      );

      // Transfer by keyboard: the form opens with focus on its heading, the note is required.
      await tabTo(page, "chat-transfer-toggle");
      await page.keyboard.press("Enter");
      await panel.getByRole("heading", { level: 3, name: "Vraag doorverbinden" }).waitFor();
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-transfer-title");
      await panel.getByRole("option", { name: "Bram Collega (offline)" }).waitFor({ state: "attached" });
      await expectNoAxeViolations(page, "chat panel with the transfer form open");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-transfer-target");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.inputValue("#chat-transfer-target"), `employee:${colleagueId}`);
      await tabTo(page, "chat-transfer-confirm");
      await page.keyboard.press("Enter");
      await panel.getByText("Schrijf kort waarom u doorverbindt (minstens 3 tekens).").waitFor();
      assert.equal(await page.evaluate("document.activeElement?.id"), "chat-transfer-note");
      await page.keyboard.type("Bram weet alles van containers.");
      await tabTo(page, "chat-transfer-confirm");
      await page.keyboard.press("Enter");
      await page
        .getByTestId("question-announcer")
        .getByText("De vraag is doorverbonden naar Bram Collega.")
        .waitFor();
      await until(
        async () => (await page.evaluate("document.activeElement?.id")) === "chat-transfer-toggle",
        "focus back on the toggle",
      );
      await log.getByText(/We verbinden u door met een collega\./).waitFor();
      const line = await stream.waitFor(
        (f) => f.event === "message" && dataOf<{ sender: string }>(f).sender === "system",
        "the transfer line on the visitor's stream",
      );
      assert.match(dataOf<{ text: string }>(line).text, /We verbinden u door/);
      const [session] = await ctx.database.query<{ status: string; employee_id: string }>(
        "SELECT status, employee_id::text FROM chat_sessions WHERE question_id = $1",
        [question?.id],
      );
      assert.deepEqual(session, { status: "active", employee_id: colleagueId });
      assert.deepEqual(failures, [], "no script errors in the page");
      await page.context().close();
    } finally {
      await stream.close();
    }
  });
});
