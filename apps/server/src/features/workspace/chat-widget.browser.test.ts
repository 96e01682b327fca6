import assert from "node:assert/strict";
import type { Server } from "node:http";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser } from "playwright-core";
import { createApp } from "../../app";
import { enableChat, smtpCapture } from "../../channels/chat/chat.test-helpers";
import type { AppDeps } from "../../platform/deps";
import { testBackends } from "../../test-support/backends";
import { type Client, createTestTenant, logInAs, testDeps } from "../../test-support/harness";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  launchChromium,
  openPage,
  serveApp,
  until,
} from "./browser-test-support";
import {
  explainingWidget,
  focusedInWidget,
  siteServer,
  tabUntil,
  widgetAttribute,
  widgetSelectValue,
} from "./chat-widget-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "chat widget in Debian chromium on a municipality's site: keyboard only, live answer, axe WCAG 2.1 AA"
  : `chat widget browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let omniloket: Awaited<ReturnType<typeof serveApp>>;
  let site: { server: Server; origin: string };
  let browser: Browser;
  let agent: Client;
  let deps: AppDeps;
  let relay: Awaited<ReturnType<typeof smtpCapture>>;
  let generalTeamId = "";

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    relay = await smtpCapture();
    const tenant = await createTestTenant(database, "chatstad");
    generalTeamId = tenant.teams.general;
    deps = testDeps(database);
    const app = createApp(deps, { chat: { recheckMs: 500 } });
    omniloket = await serveApp(app);
    site = await siteServer(() => `${omniloket.baseUrl}/chat/widget.js`);
    await enableChat(database, tenant.tenantId, "chatstad", 600, [site.origin]);
    agent = await logInAs(app, "agent@chatstad.test");
    assert.equal((await agent.put("/api/v1/presence", { presence: "available" })).status, 200);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await omniloket?.close();
    await new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve()));
    await database?.drop();
    await relay?.close();
  });

  it("serves the widget as one cacheable script", async () => {
    const response = await fetch(`${omniloket.baseUrl}/chat/widget.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /javascript/);
    assert.match(response.headers.get("cache-control") ?? "", /public/);
    assert.ok((await response.text()).length > 1000);
  });

  it("lets a visitor chat by keyboard alone and shows the employee's answer in the log", async () => {
    const { page, failures } = await openPage(browser);
    await page.goto(site.origin);
    const launcher = page.getByRole("button", { name: "Chat met de gemeente" });
    await launcher.waitFor();
    await tabUntil(page, /\|Chat met de gemeente$/);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Chat met de gemeente" });
    await dialog.waitFor();
    await page.getByLabel("Waar gaat uw vraag over? (niet verplicht)").waitFor();
    assert.match(await focusedInWidget(page), /^topic\|/, "focus moves into the widget on open");
    await expectNoAxeViolations(page, "chat widget open");

    await page.keyboard.press("Escape");
    await until(
      async () => /\|Chat met de gemeente$/.test(await focusedInWidget(page)),
      "focus back on the button",
    );
    assert.equal(await dialog.isVisible(), false);
    await page.keyboard.press("Enter");
    await dialog.waitFor();

    await tabUntil(page, /\|Start de chat$/);
    await page.keyboard.press("Enter");
    await page.getByText(/U bent (de volgende|nummer \d+ in de rij)/).waitFor();
    assert.match(await focusedInWidget(page), /^message\|/, "focus in the message field");
    await expectNoAxeViolations(page, "chat widget waiting");

    await page.keyboard.type("Wanneer wordt het oud papier opgehaald?");
    await tabUntil(page, /\|Versturen$/);
    await page.keyboard.press("Enter");
    const log = page.getByRole("log");
    await log.getByText("Wanneer wordt het oud papier opgehaald?").waitFor();

    const [session] = await database.query<{ id: string }>("SELECT id FROM chat_sessions");
    const reply = await agent.post(`/api/v1/chat-sessions/${session?.id}/messages`, {
      text: "Elke tweede dinsdag van de maand.",
    });
    assert.equal(reply.status, 201);
    await log.getByText("Elke tweede dinsdag van de maand.").waitFor();
    await page.getByText("U chat met Anna.").waitFor();
    await expectNoAxeViolations(page, "chat widget conversation");

    await agent.post(`/api/v1/chat-sessions/${session?.id}/_end`, { wrapUp: "Ophaaldag genoemd." });
    await page.getByText(/Het gesprek is afgelopen/).waitFor();
    await page.getByLabel("Wilt u het gesprek per e-mail ontvangen?").waitFor();
    await expectNoAxeViolations(page, "chat widget ended");
    assert.deepEqual(failures, []);
    const stored = (await page.evaluate("JSON.stringify(Object.keys(sessionStorage))")) as string;
    assert.match(stored, /omniloket-chat:chatstad/);
    const cookies = await page.context().cookies();
    assert.deepEqual(cookies, [], "the widget sets no cookies");
  });

  it("lets a visitor identify with an emailed code by keyboard alone: errors at the field, then recognised", async () => {
    const { page, failures } = await openPage(browser);
    await page.goto(site.origin);
    await page.getByRole("button", { name: "Chat met de gemeente" }).waitFor();
    await tabUntil(page, /\|Chat met de gemeente$/);
    await page.keyboard.press("Enter");
    await tabUntil(page, /\|Start de chat$/);
    await page.keyboard.press("Enter");
    await page.getByText(/U bent (de volgende|nummer \d+ in de rij)/).waitFor();

    // Open the step, close it with Escape (focus back on its toggle, the widget stays open), open again.
    await tabUntil(page, /\|Laat u herkennen$/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "Laat u herkennen" }).waitFor();
    assert.match(await focusedInWidget(page), /^id-email\|/, "focus on the email field");
    assert.match(
      (await page.getByLabel("Uw e-mailadres").getAttribute("aria-describedby")) ?? "",
      /id-why/,
      "the field is described by why it is asked",
    );
    await page.keyboard.press("Escape");
    await until(async () => /\|Laat u herkennen$/.test(await focusedInWidget(page)), "focus on the toggle");
    assert.equal(await page.getByRole("heading", { level: 3, name: "Laat u herkennen" }).count(), 0);
    assert.equal(await page.getByRole("dialog", { name: "Chat met de gemeente" }).isVisible(), true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "Laat u herkennen" }).waitFor();
    assert.match(await focusedInWidget(page), /^id-email\|/);

    // An address the server refuses: its Dutch detail at the field, and focus back there.
    await page.keyboard.type("els@");
    await page.keyboard.press("Enter");
    await page.getByText(/Vul een geldig e-mailadres in/).waitFor();
    assert.equal(await widgetAttribute(page, "id-email", "aria-invalid"), "true");
    assert.match((await widgetAttribute(page, "id-email", "aria-describedby")) ?? "", /id-email-err/);
    assert.match(await focusedInWidget(page), /^id-email\|/);

    await page.keyboard.type("voorbeeld.test");
    await tabUntil(page, /\|Stuur code$/);
    await page.keyboard.press("Enter");
    const codeField = page.getByLabel("Code uit de e-mail (6 cijfers)");
    await codeField.waitFor();
    assert.match(await focusedInWidget(page), /^id-code\|/, "focus on the code field");
    assert.equal(await codeField.getAttribute("inputmode"), "numeric");
    assert.equal(await codeField.getAttribute("autocomplete"), "one-time-code");
    const first = await relay.codeFor(deps, "els@voorbeeld.test");

    // A wrong code: the server's detail at the code field; axe on the step with the error shown.
    await page.keyboard.type(first === "000000" ? "111111" : "000000");
    await page.keyboard.press("Enter");
    await page.getByText("De code klopt niet. Kijk nog eens in uw e-mail.").waitFor();
    assert.equal(await widgetAttribute(page, "id-code", "aria-invalid"), "true");
    assert.match((await widgetAttribute(page, "id-code", "aria-describedby")) ?? "", /id-code-err/);
    assert.match(await focusedInWidget(page), /^id-code\|/, "focus back on the code field");
    await expectNoAxeViolations(page, "chat widget identify step with an error");

    // A new code replaces the first; the emailed one confirms.
    await tabUntil(page, /\|Nieuwe code sturen$/);
    await page.keyboard.press("Enter");
    await page.getByText(/We hebben een nieuwe code gestuurd naar els@voorbeeld\.test/).waitFor();
    assert.match(await focusedInWidget(page), /^id-code\|/);
    const second = await relay.codeFor(deps, "els@voorbeeld.test");
    assert.equal(relay.received.length >= 2, true);
    await page.keyboard.type(second);
    await page.keyboard.press("Enter");
    await page.getByText("U bent herkend. De medewerker kan uw eerdere vragen zien.").waitFor();
    assert.match(await focusedInWidget(page), /\|U bent herkend/, "focus on the confirmation");
    assert.equal(await page.getByRole("button", { name: "Laat u herkennen" }).count(), 0, "the step is gone");
    assert.equal(await codeField.count(), 0);
    await expectNoAxeViolations(page, "chat widget identified");

    const [row] = await database.query<{ identified_email: string; joined: boolean }>(
      `SELECT s.identified_email, q.resident_party_id = s.party_id AS joined
         FROM chat_sessions s JOIN questions q ON q.id = s.question_id
        ORDER BY s.started_at DESC LIMIT 1`,
    );
    assert.deepEqual(row, { identified_email: "els@voorbeeld.test", joined: true });
    assert.deepEqual(failures, []);
    await page.context().close();
  });

  it("offers the visitor's own choice when nobody is available, and books a callback slot by keyboard", async () => {
    assert.equal((await agent.put("/api/v1/presence", { presence: "offline" })).status, 200);
    const { page, failures } = await openPage(browser);
    await explainingWidget(page, async () => {
      await page.goto(site.origin);
      await page.getByRole("button", { name: "Chat met de gemeente" }).waitFor();
      await tabUntil(page, /\|Chat met de gemeente$/);
      await page.keyboard.press("Enter");
      await tabUntil(page, /\|Start de chat$/);
      await page.keyboard.press("Enter");
      await page.getByText("Er is nu niemand beschikbaar voor de chat.").waitFor();
      for (const choice of ["Bericht achterlaten", "Bel mij terug", "Stuur een e-mail", "Toch wachten"])
        await page.getByRole("button", { name: choice }).waitFor();
      await expectNoAxeViolations(page, "chat widget nobody available");

      await tabUntil(page, /\|Bel mij terug$/);
      await page.keyboard.press("Enter");
      await page.getByLabel("Uw telefoonnummer").waitFor();
      assert.match(await focusedInWidget(page), /^cb-phone\|/, "focus on the phone field");
      await page.keyboard.type("06 12345678");
      await page.keyboard.press("Tab");
      assert.match(await focusedInWidget(page), /^cb-slot\|/);
      const firstSlot = await widgetSelectValue(page);
      await page.keyboard.press("ArrowDown");
      const slot = await widgetSelectValue(page);
      assert.notEqual(slot, firstSlot, "the arrow key picks the next slot");
      await expectNoAxeViolations(page, "chat widget callback form");
      await tabUntil(page, /\|Terugbelverzoek versturen$/);
      await page.keyboard.press("Enter");
      await page
        .getByText("Uw terugbelverzoek is verstuurd. We bellen u op het gekozen moment.", { exact: false })
        .waitFor();
      assert.match(
        await focusedInWidget(page),
        /\|Uw terugbelverzoek is verstuurd/,
        "focus on the confirmation",
      );

      const [task] = await database.query<{ kind: string; due_at: Date; contact_address: string }>(
        `SELECT t.kind, t.due_at, t.contact_address FROM tasks t
           JOIN chat_sessions s ON s.question_id = t.question_id
          WHERE t.kind = 'callback' ORDER BY t.created_at DESC LIMIT 1`,
      );
      assert.equal(task?.kind, "callback");
      assert.equal(new Date(task?.due_at ?? 0).toISOString(), slot);
      assert.equal(task?.contact_address, "+31612345678");
      // The team's task list (what its employees work from) shows the callback with the chosen slot.
      const listed = await agent.get(`/api/v1/tasks?teamId=${generalTeamId}`);
      assert.equal(listed.status, 200);
      const { items } = (await listed.json()) as {
        items: Array<{
          kind: string;
          dueAt: string | null;
          teamId: string | null;
          contactAddress: string | null;
        }>;
      };
      const callback = items.find(
        (item) => item.kind === "callback" && item.contactAddress === "+31612345678",
      );
      assert.equal(callback?.dueAt, slot, "the team sees the slot the visitor picked");
      assert.equal(callback?.teamId, generalTeamId);
      assert.deepEqual(failures, []);
    });
    await page.context().close();
  });
});
