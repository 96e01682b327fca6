import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { configureChannels, TEST_SMS, TEST_WHATSAPP } from "../../channels/fake-provider/channel-test-tenant";
import { type FakeProvider, startFakeProvider } from "../../channels/fake-provider/fake-provider";
import { smsSender } from "../../channels/sms";
import { whatsappSignature } from "../../channels/whatsapp";
import { whatsappText } from "../../channels/whatsapp/whatsapp-test-payloads";
import type { AppDeps } from "../../platform/deps";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, logInAs, TEST_PASSWORD } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import { deliverPendingMessages } from "../delivery";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  screenshots,
  tabTo,
  tabToControl,
} from "./browser-test-support";

const [backend] = testBackends();
const MOBILE = "+31612345678";

describe(hasChromium
  ? "werkplek tasks in Debian chromium: email + WhatsApp in one question, reply, callback task, back office completes, resident gets an SMS (axe WCAG 2.1 AA)"
  : `werkplek tasks browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`, {
  skip: !hasChromium,
}, () => {
  let deps: AppDeps;
  let provider: FakeProvider | undefined;
  let questionId = "";
  let reference = "";

  const ctx = browserTestContext(backend, async ({ database, app, deps: appDeps }) => {
    deps = appDeps;
    const tenant = await createTestTenant(database, "taken");
    provider = await startFakeProvider();
    await configureChannels(database, tenant.tenantId, {
      whatsapp: TEST_WHATSAPP,
      sms: { ...TEST_SMS, baseUrl: provider.baseUrl },
    });
    await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Bram Backoffice",
      email: "backoffice@taken.test",
      roles: ["back-office"],
      password: TEST_PASSWORD,
      teamIds: [tenant.teams.general],
    });
    const system = client(app, { token: tenant.token });

    // The resident emails; the municipality knows their mobile number (for WhatsApp and SMS) too.
    const response = await system.post("/api/v1/interactions", {
      channel: "email",
      externalId: "<taken-1@voorbeeld.test>",
      subject: "Container kapot",
      text: "Het deksel van mijn groene container is afgebroken.",
      topicId: "afval",
      sender: {
        identifiers: [
          { kind: "email", value: "fatima@voorbeeld.test" },
          { kind: "phone", value: MOBILE },
          { kind: "whatsapp", value: MOBILE },
        ],
      },
    });
    assert.equal(response.status, 201, await response.clone().text());
    const first = (await response.json()) as IngestResult;
    questionId = first.questionId;
    reference = first.questionReference;

    // Then a WhatsApp message quoting the reference, through the signed Cloud API webhook.
    const body = JSON.stringify(
      whatsappText(
        "wamid.taken-2",
        MOBILE.slice(1),
        `Hoe staat het met ${reference}? Het deksel ligt nog los.`,
        String(Math.floor(Date.now() / 1000)),
      ),
    );
    const webhook = await app.request("http://localhost/channels/whatsapp", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": whatsappSignature(TEST_WHATSAPP.appSecret, Buffer.from(body)),
      },
      body,
    });
    assert.equal(webhook.status, 200, await webhook.clone().text());
    const questions = await database.query<{ id: string }>(
      "SELECT id FROM questions WHERE tenant_id = $1 AND merged_into_id IS NULL",
      [tenant.tenantId],
    );
    assert.deepEqual(
      questions.map((q) => q.id),
      [questionId],
      "the WhatsApp message threads into the emailed question",
    );
    // The resident prefers SMS in general, so the reply rule picks SMS.
    const [party] = await database.query<{ resident_party_id: string }>(
      "SELECT resident_party_id FROM questions WHERE id = $1",
      [questionId],
    );
    await database.query(
      "INSERT INTO preferences (party_id, tenant_id, preferred_channel) VALUES ($1, $2, 'sms')",
      [party?.resident_party_id, tenant.tenantId],
    );
    // An older promise that is already overdue, so the lists show how it stands out.
    const agentApi = await logInAs(app, "agent@taken.test");
    const late = await agentApi.post(`/api/v1/questions/${questionId}/tasks`, {
      kind: "back-office",
      description: "Nieuwe container bestellen bij de inzamelaar",
      dueAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
    });
    assert.equal(late.status, 201, await late.clone().text());
  });

  after(() => provider?.close());

  it("agent replies and asks for a callback; the back office completes it and the resident gets an SMS", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);

    // The employee logs in by keyboard and sees ONE question for both contacts.
    await logInByKeyboard(page, ctx.baseUrl, "agent@taken.test");
    const rows = page.getByRole("list", { name: "Inbox" }).getByRole("link");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, "one question, not one per channel");
    const row = (await rows.first().textContent()) ?? "";
    assert.ok(row.startsWith(reference), row);
    assert.match(row, /\((?=[^)]*WhatsApp)(?=[^)]*e-mail)[^)]*\)/, "both channels of the question are named");
    await page.locator("h1").focus();
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");

    // Question view: both contacts; the reply goes by SMS, the resident's general preference.
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
    const timeline = page.getByRole("region", { name: "Tijdlijn over alle kanalen" });
    await timeline.getByText("Binnengekomen via e-mail").waitFor();
    await timeline.getByText("Binnengekomen via WhatsApp").waitFor();
    await page.getByTestId("suggested-channel").getByText("Voorgesteld kanaal: sms").waitFor();
    await tabTo(page, "reply-text");
    await page.keyboard.type("Wij laten een nieuwe container bezorgen en bellen u over het tijdstip.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Uw antwoord is verstuurd via sms.").waitFor();
    await timeline.getByText("Verstuurd via sms").waitFor();

    // The overdue task stands out; a callback request is made by keyboard (number and due time from the server).
    const tasks = page.getByRole("region", { name: "Taken bij deze vraag" });
    const overdueTask = tasks.getByTestId("question-task").filter({ hasText: "Nieuwe container bestellen" });
    await overdueTask.getByText(/te laat$/).waitFor();
    assert.match((await overdueTask.getAttribute("class")) ?? "", /task-item--overdue/);
    assert.equal(await tasks.getByRole("radio", { name: "Terugbelverzoek" }).isChecked(), true);
    await tabTo(page, "task-description");
    await page.keyboard.type("Inwoner terugbellen over het tijdstip van bezorgen.");
    await tabToControl(page, "Taak maken");
    await page.keyboard.press("Enter");
    const created = page.getByTestId("task-created");
    await created.waitFor();
    assert.match(
      (await created.textContent()) ?? "",
      /^Terugbelverzoek gemaakt, uiterlijk .+ Bellen naar \+31612345678\.$/,
    );
    const callbackTask = tasks.getByTestId("question-task").filter({ hasText: "Inwoner terugbellen" });
    await callbackTask.getByText(/^Nog /).waitFor();
    await expectNoAxeViolations(page, "question with tasks and task form");
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, "werkplek-vraag-taken.png"), fullPage: true });
    }
    await page.getByRole("button", { name: "Uitloggen" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Inloggen op de werkplek" }).waitFor();

    // A back-office employee opens "Taken": overdue first, each with a link to its question.
    await logInByKeyboard(page, ctx.baseUrl, "backoffice@taken.test");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Taken" })
      .press("Enter");
    await page.getByRole("heading", { level: 1, name: "Taken" }).waitFor();
    const open = page.getByTestId("open-task");
    await open.first().waitFor();
    assert.equal(await open.count(), 2);
    assert.match((await open.nth(0).textContent()) ?? "", /te laat.*Nieuwe container bestellen/);
    assert.match(
      (await open.nth(1).textContent()) ?? "",
      /Terugbelverzoek · Nog .*Inwoner terugbellen.*Bellen naar \+31612345678/,
    );
    await open
      .nth(1)
      .getByRole("link", { name: `Vraag ${reference}` })
      .waitFor();
    await expectNoAxeViolations(page, "tasks");
    if (screenshots) await page.screenshot({ path: join(screenshots, "werkplek-taken.png"), fullPage: true });

    // "Afronden" opens the completion dialog: outcome, "Inwoner informeren" on by default, a message.
    await open
      .nth(1)
      .getByRole("button", { name: `Afronden: Vraag ${reference}` })
      .press("Enter");
    const dialog = page.getByRole("dialog", { name: `Taak afronden bij vraag ${reference}` });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole("checkbox", { name: "Inwoner informeren" }).isChecked(), true);
    assert.equal(await page.evaluate("document.activeElement?.id"), "task-outcome");
    await expectNoAxeViolations(page, "task completion dialog");
    await page.keyboard.type("Gebeld: bezorging donderdag tussen 8 en 12 uur afgesproken.");
    await tabTo(page, "task-message");
    await page.keyboard.type(`Uw vraag ${reference}: de nieuwe container komt donderdag tussen 8 en 12 uur.`);
    await tabToControl(page, "Afronden");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .getByText(`Taak bij ${reference} afgerond; de inwoner is geïnformeerd via sms.`)
      .waitFor();
    await page.waitForFunction(`document.querySelectorAll('[data-testid="open-task"]').length === 1`);
    assert.match((await open.first().textContent()) ?? "", /Nieuwe container bestellen/);
    await expectNoAxeViolations(page, "tasks after completion");

    // The question shows the outcome; the outbox delivers both messages to the fake SMS provider.
    await open
      .first()
      .getByRole("link", { name: `Vraag ${reference}` })
      .press("Enter");
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
    const doneTask = page.getByTestId("question-task").filter({ hasText: "Inwoner terugbellen" });
    await doneTask.getByText("Uitkomst:").waitFor();
    assert.match((await doneTask.textContent()) ?? "", /Afgerond op .*bezorging donderdag/);

    const tally = await deliverPendingMessages(deps, { sms: smsSender });
    assert.deepEqual(tally, { sent: 2, retried: 0, dead: 0 });
    const sms = (provider?.requests ?? [])
      .filter((r) => r.method === "POST" && r.path.endsWith("/Messages.json"))
      .map((r) => new URLSearchParams(r.body));
    assert.equal(sms.length, 2);
    assert.ok(sms.every((form) => form.get("To") === MOBILE && form.get("From") === TEST_SMS.from));
    assert.match(sms[0]?.get("Body") ?? "", /nieuwe container bezorgen/);
    assert.match(sms[1]?.get("Body") ?? "", new RegExp(`${reference}.*donderdag tussen 8 en 12 uur`));
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
