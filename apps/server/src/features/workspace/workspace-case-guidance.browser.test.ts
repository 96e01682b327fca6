import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, TEST_PASSWORD } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import { type SeededWorklist, seedWorklist } from "../signals/worklist-test-support";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  tabTo,
  tabToControl,
  until,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek Casusregie in Debian chromium: a case guide accepts one signal and dismisses another with a reason (axe WCAG 2.1 AA)"
  : `werkplek Casusregie browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let seeded: SeededWorklist;
  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "regie");
    await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Carla Casusregisseur",
      email: "regie@regie.test",
      roles: ["case-guide"],
      password: TEST_PASSWORD,
    });
    seeded = await seedWorklist(database, client(app, { token: tenant.token }), tenant.tenantId);
  });

  it("works the worklist by keyboard", { timeout: 60_000 }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "regie@regie.test");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Casusregie" })
      .press("Enter");
    await page.getByRole("heading", { level: 1, name: "Casusregie" }).waitFor();
    const residents = page.getByTestId("signal-resident");
    await residents.first().waitFor();
    // Highest score first: the resident whose contacts are recent and whose tone gets sharper.
    const first = residents.first();
    await first
      .getByRole("link", { name: `Vraag ${seeded.urgent.reference}` })
      .first()
      .waitFor();
    assert.match(
      (await first.getByTestId("signal-score").first().textContent()) ?? "",
      /^Gewicht \d+ × recentheid [\d,]+ = [\d,]+ punten/,
    );
    await expectNoAxeViolations(page, "case guidance worklist");

    // Accept the repeated contact: a task on the resident's preferred channel (sms), nothing sent.
    const repeat = first.locator('[data-rule="repeat-contact"]');
    const acceptLabel =
      (await repeat.getByRole("button", { name: /^Accepteren:/ }).getAttribute("aria-label")) ?? "";
    await tabToControl(page, acceptLabel, 60);
    await page.keyboard.press("Enter");
    const acceptDialog = page.getByRole("dialog", { name: /^Herhaald contact bij .* accepteren$/ });
    await acceptDialog.waitFor();
    assert.equal(await page.evaluate("document.activeElement?.id"), "signal-note");
    await expectNoAxeViolations(page, "accept dialog");
    await page.keyboard.type("Bellen over de aanslag");
    await tabToControl(page, "Taak maken");
    await page.keyboard.press("Enter");
    await acceptDialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .getByText("Herhaald contact geaccepteerd: er is een taak gemaakt om contact op te nemen via sms.")
      .waitFor();
    await until(async () => (await repeat.count()) === 0, "the accepted signal leaves the list");
    assert.equal(await page.evaluate("document.activeElement?.tagName"), "H1");

    // Dismiss the escalating language: a reason is required.
    const escalating = first.locator('[data-rule="escalating-language"]');
    const dismissLabel =
      (await escalating.getByRole("button", { name: /^Afwijzen:/ }).getAttribute("aria-label")) ?? "";
    await tabToControl(page, dismissLabel, 60);
    await page.keyboard.press("Enter");
    const dismissDialog = page.getByRole("dialog", { name: /^Toon wordt scherper bij .* afwijzen$/ });
    await dismissDialog.waitFor();
    await tabToControl(page, "Afwijzen");
    await page.keyboard.press("Enter");
    await dismissDialog.getByRole("alert").getByText("Vul een reden in.").waitFor();
    await expectNoAxeViolations(page, "dismiss dialog with an error");
    await tabTo(page, "signal-reason");
    await page.keyboard.type("Al gesproken aan de balie");
    await tabToControl(page, "Afwijzen");
    await page.keyboard.press("Enter");
    await dismissDialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .getByText("Toon wordt scherper afgewezen. De reden is vastgelegd.")
      .waitFor();
    await until(async () => (await escalating.count()) === 0, "the dismissed signal leaves the list");
    await expectNoAxeViolations(page, "case guidance worklist after decisions");

    const rows = await ctx.database.query<{ rule_id: string; status: string }>(
      "SELECT rule_id, status FROM signals WHERE party_id = $1 AND rule_id IN ('repeat-contact', 'escalating-language') ORDER BY rule_id",
      [seeded.urgent.partyId],
    );
    assert.deepEqual(
      rows.map((r) => [r.rule_id, r.status]),
      [
        ["escalating-language", "dismissed"],
        ["repeat-contact", "accepted"],
      ],
    );
    const [task] = await ctx.database.query<{ contact_channel: string }>(
      "SELECT contact_channel FROM tasks WHERE question_id = $1",
      [seeded.urgent.questionId],
    );
    assert.equal(task?.contact_channel, "sms");
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
