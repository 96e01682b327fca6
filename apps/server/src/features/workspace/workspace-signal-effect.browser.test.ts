import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Principal } from "../../platform/auth/principal";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, TEST_PASSWORD } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import { acceptSignal } from "../signals";
import { seedWorklist } from "../signals/worklist-test-support";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  screenshots,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek Casusregie in Debian chromium: effect and fairness tables (axe WCAG 2.1 AA)"
  : `werkplek Casusregie effect browser test SKIPPED: ${CHROMIUM} is not installed`, {
  skip: !hasChromium,
}, () => {
  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "effectweb");
    const guide = await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Carla Casusregisseur",
      email: "regie@effectweb.test",
      roles: ["case-guide"],
      password: TEST_PASSWORD,
    });
    const seeded = await seedWorklist(database, client(app, { token: tenant.token }), tenant.tenantId);
    const [signal] = await database.query<{ id: string }>(
      "SELECT id FROM signals WHERE party_id = $1 AND rule_id = 'repeat-contact'",
      [seeded.urgent.partyId],
    );
    const principal: Principal = {
      kind: "employee",
      tenantId: tenant.tenantId,
      employeeId: guide.id,
      roles: ["case-guide"],
      teamIds: [],
      sessionTokenHash: "",
      csrfToken: "",
    };
    await acceptSignal(
      { db: database.db, clock: () => new Date() },
      { principal, signalId: signal?.id ?? "" },
    );
  });

  it("shows per rule, per group and per accepted signal in tables with captions", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "regie@effectweb.test");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Casusregie" })
      .press("Enter");
    const section = page.getByTestId("signal-effect");
    await section.getByRole("heading", { level: 2, name: "Effect en eerlijkheid" }).waitFor();
    const decisions = section.getByRole("table", {
      name: "Signalen per regel: gevonden en wat er mee gebeurde",
    });
    await decisions.waitFor();
    const repeat = decisions.getByRole("row", { name: /^Herhaald contact/ });
    assert.deepEqual(
      await repeat.getByRole("cell").allTextContents(),
      ["3", "1", "0", "0", "2"],
      "found, accepted, dismissed, snoozed, open",
    );
    const effect = section.getByRole("table", { name: "Effect per regel van geaccepteerde signalen" });
    assert.match(
      (await effect.getByRole("row", { name: /^Herhaald contact/ }).textContent()) ?? "",
      /0 minder, 0 gelijk, 0 meer; 1 nog niet te meten/,
    );
    assert.equal(
      await effect.getByRole("columnheader", { name: "Contact in 30 dagen na tegen ervoor" }).count(),
      1,
    );
    const channels = section.getByRole("table", { name: "Eerlijkheid: Gebruikte kanalen" });
    assert.match(
      (await channels.getByRole("row", { name: /^ook digitaal/ }).textContent()) ?? "",
      /te klein/,
    );
    const each = section.getByRole("table", { name: "Effect per geaccepteerd signaal" });
    assert.match(
      (await each.getByRole("row", { name: /^Herhaald contact/ }).textContent()) ?? "",
      /→ nog niet te meten.*nog niet opgelost.*Geen antwoord/,
    );
    await expectNoAxeViolations(page, "case guidance effect and fairness");
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await section.screenshot({ path: join(screenshots, "werkplek-effect-en-eerlijkheid.png") });
    }
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
