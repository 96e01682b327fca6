import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, TEST_PASSWORD } from "../../test-support/harness";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  openPage,
  screenshots,
  tabTo,
  until,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek in Debian chromium: log in by keyboard, inbox, question, reply (axe WCAG 2.1 AA)"
  : `werkplek browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`, {
  skip: !hasChromium,
}, () => {
  let questionId = "";
  let reference = "";
  let system: ReturnType<typeof client>;

  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "werkplek");
    system = client(app, { token: tenant.token });
    const first = (await (
      await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: "<werkplek-1@voorbeeld.test>",
        subject: "Container niet geleegd",
        text: "Mijn groene container is niet geleegd.",
        topicId: "afval",
        sender: {
          identifiers: [
            { kind: "email", value: "jan@voorbeeld.test" },
            { kind: "whatsapp", value: "+31612345678" },
          ],
        },
      })
    ).json()) as IngestResult;
    await system.post("/api/v1/interactions", {
      channel: "whatsapp",
      externalId: "wamid.werkplek-2",
      text: `Nog steeds niet geleegd, zie ${first.questionReference}`,
      questionId: first.questionId,
      sender: { identifiers: [{ kind: "whatsapp", value: "+31612345678" }] },
    });
    questionId = first.questionId;
    reference = first.questionReference;
  });

  it("works by keyboard from login to a sent reply, with no axe violations", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);

    // Login: Dutch first, the language toggle switches to English and back (kept in localStorage).
    await page.goto(`${ctx.baseUrl}/werkplek/`);
    await page.getByRole("heading", { level: 1, name: "Inloggen op de werkplek" }).waitFor();
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Log in to the workspace" }).waitFor();
    assert.equal(await page.evaluate('localStorage.getItem("omniloket.werkplek.taal")'), "en");
    await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
    await page.getByRole("heading", { level: 1, name: "Inloggen op de werkplek" }).waitFor();
    await expectNoAxeViolations(page, "login");

    // An empty submit shows the error summary, tied to the fields.
    await tabTo(page, "email");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByRole("link", { name: "Vul e-mailadres in." }).waitFor();
    assert.equal(await page.getAttribute("#email", "aria-invalid"), "true");
    // A wrong password answers with the server's problem+json detail.
    await tabTo(page, "email");
    await page.keyboard.type("agent@werkplek.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("fout wachtwoord");
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .getByRole("link", { name: "Het e-mailadres of wachtwoord klopt niet." })
      .waitFor();
    await expectNoAxeViolations(page, "login with errors");

    await tabTo(page, "password");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press("Enter");

    // Inbox: the list (or a calm error when the endpoint is missing), shortcuts dialog by `?`.
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.waitForURL(/\/werkplek\/inbox/);
    // A reload keeps the session: the page asks the server for its CSRF token again.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.waitForURL(/\/werkplek\/inbox/);
    const row = page.getByRole("link", { name: new RegExp(reference) });
    await row.waitFor();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Sneltoetsen" });
    await dialog.waitFor();
    await expectNoAxeViolations(page, "shortcuts dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expectNoAxeViolations(page, "inbox");
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, "werkplek-inbox.png"), fullPage: true });
    }

    // Queue counts follow the live stream: a new email raises the team's total without a reload, and the
    // list offers a refresh instead of moving under the employee's cursor.
    // The total column of the general team's row (the last cell holds the overdue count).
    const generalTotal = `(() => {
      const rows = [...document.querySelectorAll("[data-testid=inbox-counts] tbody tr")];
      const kcc = rows.find((r) => r.querySelector("th")?.textContent === "KCC");
      const cells = kcc ? [...kcc.querySelectorAll("td")] : [];
      return Number(cells.at(-2)?.textContent ?? Number.NaN);
    })()`;
    const totalOfGeneralTeam = () => page.evaluate<number>(generalTotal);
    const before = await totalOfGeneralTeam();
    assert.ok(before >= 1, "the general team's queue is counted");
    const listed = await page.locator(".inbox-link").count();
    const arrived = await system.post("/api/v1/interactions", {
      channel: "email",
      externalId: "<werkplek-live@voorbeeld.test>",
      subject: "Lantaarnpaal kapot",
      text: "De lantaarnpaal in mijn straat is kapot.",
      topicId: "afval",
      sender: { identifiers: [{ kind: "email", value: "piet@voorbeeld.test" }] },
    });
    assert.equal(arrived.status, 201);
    await until(async () => (await totalOfGeneralTeam()) === before + 1, "the count went up");
    const changed = page.getByRole("status").getByText("Er is iets veranderd in de inbox.");
    await changed.waitFor();
    await page.getByRole("button", { name: "Lijst vernieuwen" }).click();
    await changed.waitFor({ state: "detached" });
    await until(async () => (await page.locator(".inbox-link").count()) === listed + 1, "the list grew");

    // Filters go into the URL.
    await page.selectOption("#filter-channel", "whatsapp");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL(/channel=whatsapp/);

    await row.waitFor();
    await page.locator("h1").focus();
    await page.keyboard.press("j");
    assert.match(
      String(await page.evaluate("document.activeElement?.textContent ?? ''")),
      new RegExp(reference),
    );
    await page.keyboard.press("Enter");

    // Question view: both contacts with their channel named, the suggested reply channel with its reason.
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
    const timeline = page.getByRole("region", { name: "Tijdlijn over alle kanalen" });
    await timeline.getByText("Binnengekomen via e-mail").waitFor();
    await timeline.getByText("Binnengekomen via WhatsApp").waitFor();
    const suggestion = page.getByTestId("suggested-channel");
    await suggestion.getByText("Voorgesteld kanaal: WhatsApp").waitFor();
    assert.match((await suggestion.textContent()) ?? "", /het laatst/);
    await expectNoAxeViolations(page, "question");

    // Choosing another channel asks for a reason; back to the suggestion, then reply by keyboard.
    await page.getByRole("radio", { name: /WhatsApp/ }).focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getByRole("radio", { name: /e-mail/ }).isChecked(), true);
    await page.getByRole("textbox", { name: "Waarom een ander kanaal?" }).waitFor();
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.getByRole("radio", { name: /WhatsApp/ }).isChecked(), true);
    await page.getByRole("textbox", { name: "Waarom een ander kanaal?" }).waitFor({ state: "detached" });
    await tabTo(page, "reply-text");
    await page.keyboard.type("Wij sturen vandaag iemand langs om de container te legen.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Uw antwoord is verstuurd via WhatsApp.").waitFor();
    await timeline.getByText("Verstuurd via WhatsApp").waitFor();
    await expectNoAxeViolations(page, "question after reply");
    if (screenshots) await page.screenshot({ path: join(screenshots, "werkplek-vraag.png"), fullPage: true });

    // A new contact from the resident shows in the open question without a reload.
    const followUp = await system.post("/api/v1/interactions", {
      channel: "whatsapp",
      externalId: "wamid.werkplek-3",
      text: "Dank u, ik zet de container buiten.",
      questionId,
      sender: { identifiers: [{ kind: "whatsapp", value: "+31612345678" }] },
    });
    assert.equal(followUp.status, 201);
    await timeline.getByText("Dank u, ik zet de container buiten.").waitFor();

    const [sent] = await ctx.database.query<{ channel: string; text: string }>(
      "SELECT channel, text FROM interactions WHERE question_id = $1 AND direction = 'outbound'",
      [questionId],
    );
    assert.equal(sent?.channel, "whatsapp");
    assert.match(sent?.text ?? "", /container te legen/);
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
