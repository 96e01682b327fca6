import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schema } from "@omniloket/db";
import type { Page } from "playwright-core";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, TEST_PASSWORD, type TestTenant } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import { quarantineMessage } from "../quarantine";
import { routingWeights } from "../routing/routing-facts";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  tabTo,
  tabToControl,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek admin pages in Debian chromium: teams, employees, routing, forms, knowledge, quarantine, dead letters (axe WCAG 2.1 AA)"
  : `werkplek admin browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`, {
  skip: !hasChromium,
}, () => {
  let tenant: TestTenant;
  let totpSecret = "";
  let deadLetterId = "";

  const ctx = browserTestContext(backend, async ({ database, deps }) => {
    tenant = await createTestTenant(database, "beheer");
    const admin = await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Ada Admin",
      email: "admin@beheer.test",
      roles: ["admin"],
      password: TEST_PASSWORD,
    });
    totpSecret = admin.totpSecret ?? "";
    await quarantineMessage(deps, {
      tenantId: tenant.tenantId,
      channel: "email",
      reason: "no-sender",
      raw: new TextEncoder().encode("Subject: zonder afzender\r\n\r\nhallo"),
      summary: { subject: "zonder afzender" },
    });
    const [dead] = await database.db
      .insert(schema.outbox)
      .values({
        tenantId: tenant.tenantId,
        type: "message.send",
        payload: { interactionId: null },
        attempts: 8,
        lastError: "SMTP 550: mailbox unavailable",
        deadAt: new Date(),
      })
      .returning({ id: schema.outbox.id });
    deadLetterId = String(dead?.id);
  });

  const openAdminPage = async (page: Page, link: string, heading: string) => {
    await page
      .getByRole("navigation", { name: "Beheer", exact: true })
      .getByRole("link", { name: link, exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  };

  it("an admin manages the municipality from every /beheer page, partly by keyboard, with no axe violations", {
    timeout: 120_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);

    // Login with both factors, by keyboard.
    await logInByKeyboard(page, ctx.baseUrl, "admin@beheer.test", totpSecret);

    // The main menu shows Beheer to admins; open it by keyboard.
    await tabToControl(page, "Beheer");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    await page.waitForURL(/\/werkplek\/beheer$/);
    await expectNoAxeViolations(page, "admin overview");

    // Teams: an empty submit shows the error summary; then a team with two topics, by keyboard.
    await openAdminPage(page, "Teams", "Teams");
    await page.getByRole("table", { name: "Teams van uw gemeente" }).waitFor();
    await expectNoAxeViolations(page, "teams");
    await tabTo(page, "team-new-name", 60);
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByRole("link", { name: "Vul de naam in." }).waitFor();
    await tabTo(page, "team-new-name", 60);
    await page.keyboard.type("Afval en straat");
    for (const topic of ["Afval", "Openbare ruimte"]) {
      await page.getByRole("checkbox", { name: topic, exact: true }).focus();
      await page.keyboard.press("Space");
    }
    await tabToControl(page, "Team toevoegen");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Team Afval en straat is toegevoegd.").waitFor();
    await page.getByRole("rowheader", { name: "Afval en straat" }).waitFor();
    const [team] = await ctx.database.query<{ topic_ids: string[] }>(
      "SELECT topic_ids FROM teams WHERE name = 'Afval en straat'",
    );
    assert.deepEqual(team?.topic_ids, ["afval", "openbare-ruimte"]);
    // Edit the new team: add Anna Agent as a member.
    await page.getByRole("button", { name: "Team Afval en straat bewerken" }).click();
    await page.getByRole("heading", { level: 2, name: "Team Afval en straat bewerken" }).waitFor();
    await page.getByRole("checkbox", { name: "Anna Agent" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("Team Afval en straat is opgeslagen.").waitFor();
    await expectNoAxeViolations(page, "teams after saving");

    // Employees: give Anna Agent the supervisor role.
    await openAdminPage(page, "Medewerkers", "Medewerkers");
    await page.getByRole("table", { name: "Medewerkers van uw gemeente" }).waitFor();
    await expectNoAxeViolations(page, "employees");
    await page.getByRole("button", { name: "Anna Agent bewerken" }).click();
    await page.getByRole("heading", { level: 2, name: "Anna Agent bewerken" }).waitFor();
    await page.getByRole("checkbox", { name: "Teamleider" }).focus();
    await page.keyboard.press("Space");
    await expectNoAxeViolations(page, "employee form");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("De gegevens van Anna Agent zijn opgeslagen.").waitFor();
    const [anna] = await ctx.database.query<{ roles: string[] }>(
      "SELECT roles FROM employees WHERE id = $1",
      [tenant.agentId],
    );
    assert.deepEqual(anna?.roles, ["agent", "supervisor"]);

    // Routing: a wrong weight shows the summary, a right one is saved and used by routing.
    await openAdminPage(page, "Routering en normen", "Routering en servicenormen");
    await page.locator("#weight-email").waitFor();
    await expectNoAxeViolations(page, "routing");
    await tabTo(page, "weight-email", 60);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .getByRole("link", { name: "Vul bij E-mail een getal in groter dan 0 en hoogstens 1." })
      .waitFor();
    await expectNoAxeViolations(page, "routing with errors");
    await page.locator("#weight-email").fill("0,25");
    await page.getByRole("button", { name: "Gewichten opslaan" }).click();
    await page.getByRole("status").getByText("De gewichten zijn opgeslagen.").waitFor();
    assert.equal((await routingWeights(ctx.database.db, tenant.tenantId)).email, 0.25);

    // Forms: switch the general form off; its public page then says it does not exist.
    await openAdminPage(page, "Formulieren", "Formulieren");
    const toggle = page.getByRole("switch", { name: "Stel een vraag beschikbaar voor inwoners" });
    await toggle.waitFor();
    await expectNoAxeViolations(page, "forms");
    await toggle.focus();
    await page.keyboard.press("Space");
    await page.getByRole("status").getByText("Stel een vraag staat nu uit.").waitFor();
    assert.equal(await toggle.isChecked(), false);
    assert.equal((await fetch(`${ctx.baseUrl}/formulieren/beheer/algemene-vraag`)).status, 404);

    // Knowledge: add a canned text with a variable.
    await openAdminPage(page, "Kennisbank", "Kennisbank en standaardteksten");
    await page.locator("#canned-name").waitFor();
    await expectNoAxeViolations(page, "knowledge");
    await tabTo(page, "canned-name", 80);
    await page.keyboard.type("Ontvangst");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Beste {{voornaam}}, wij hebben uw vraag {{kenmerk}} ontvangen.");
    await tabToControl(page, "Standaardtekst toevoegen");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Standaardtekst Ontvangst is opgeslagen.").waitFor();
    await page.getByRole("button", { name: "Standaardtekst Ontvangst bewerken" }).waitFor();
    const [canned] = await ctx.database.query<{ body: string }>(
      "SELECT body FROM canned_texts WHERE name = 'Ontvangst'",
    );
    assert.match(canned?.body ?? "", /\{\{kenmerk\}\}/);

    // Quarantine: the message with its reason.
    await openAdminPage(page, "Quarantaine", "Quarantaine");
    await page.getByRole("cell", { name: "Geen afzender te vinden" }).waitFor();
    await expectNoAxeViolations(page, "quarantine");

    // Dead letters: retry by keyboard.
    await openAdminPage(page, "Onbestelbaar", "Onbestelbare berichten");
    await page.getByRole("cell", { name: "SMTP 550: mailbox unavailable" }).waitFor();
    await expectNoAxeViolations(page, "dead letters");
    await tabToControl(page, `Bericht ${deadLetterId} opnieuw versturen`, 60);
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText(`Bericht ${deadLetterId} staat weer in de wachtrij.`).waitFor();
    await page.getByText("Er zijn geen onbestelbare berichten.").waitFor();
    const [row] = await ctx.database.query<{ dead_at: unknown }>("SELECT dead_at FROM outbox WHERE id = $1", [
      deadLetterId,
    ]);
    assert.equal(row?.dead_at, null);
    await expectNoAxeViolations(page, "dead letters after retry");

    // English is one switch away.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Undeliverable messages" }).waitFor();
    await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();

    assert.deepEqual(failures, []);
    await page.context().close();
  });

  it("an agent sees no Beheer link, and the admin pages refuse them calmly", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "jeugd@beheer.test");
    await page.getByRole("link", { name: "Taken" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Beheer" }).count(), 0);
    await page.goto(`${ctx.baseUrl}/werkplek/beheer/teams`);
    await page.getByRole("alert").getByText("U heeft geen toegang tot deze functie.").waitFor();
    await expectNoAxeViolations(page, "teams refused");
    assert.deepEqual(failures, []);
    await page.context().close();
  });
});
