import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, TEST_PASSWORD } from "../../test-support/harness";
import { createEmployee } from "../accounts";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  screenshots,
  tabToControl,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek supervision in Debian chromium: queues per channel with P50/P90 and a histogram, presence (axe WCAG 2.1 AA)"
  : `werkplek supervision browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`, {
  skip: !hasChromium,
}, () => {
  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "supervisie");
    await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Sanne Supervisor",
      email: "supervisor@supervisie.test",
      roles: ["supervisor"],
      password: TEST_PASSWORD,
      teamIds: [tenant.teams.general],
    });
    const system = client(app, { token: tenant.token });
    let n = 0;
    // Three emails waiting 10, 30 and 120 minutes (P50 30 min, P90 about 2 hours), one SMS for 3 hours.
    for (const [channel, minutes] of [
      ["email", 10],
      ["email", 30],
      ["email", 120],
      ["sms", 180],
    ] as const) {
      const openedAt = new Date(Date.now() - minutes * 60_000).toISOString();
      const response = await system.post("/api/v1/interactions", {
        channel,
        externalId: `supervisie-${n++}`,
        sender: { identifiers: [{ kind: "email", value: `wachter${n}@voorbeeld.test` }] },
        occurredAt: openedAt,
        text: "Vraag",
        topicId: "afval",
      });
      assert.equal(response.status, 201, await response.clone().text());
      const { questionId } = (await response.json()) as IngestResult;
      await database.query("UPDATE questions SET opened_at = $2 WHERE id = $1", [questionId, openedAt]);
    }
  });

  it("a supervisor opens Supervisie by keyboard and sees P50 and P90 per channel", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);

    await logInByKeyboard(page, ctx.baseUrl, "supervisor@supervisie.test");
    await page.getByRole("link", { name: "Supervisie" }).waitFor();
    await tabToControl(page, "Supervisie");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Supervisie" }).waitFor();

    const email = page.getByRole("table", { name: /^Wachtrij e-mail/ });
    await email.waitFor();
    assert.ok(await email.getByRole("columnheader", { name: "Wachttijd P50 (mediaan)" }).isVisible());
    assert.ok(await email.getByRole("columnheader", { name: "Wachttijd P90" }).isVisible());
    const cells = (await email.getByRole("cell").allTextContents()).map((s) => s.trim());
    assert.deepEqual(cells, ["3", "30 min", "2 uur", "2 uur"]);
    const sms = page.getByRole("table", { name: /^Wachtrij sms/i });
    assert.deepEqual(
      (await sms.getByRole("cell").allTextContents()).map((s) => s.trim()),
      ["1", "3 uur", "3 uur", "3 uur"],
    );
    const histogram = page.getByRole("table", { name: /^Verdeling van de wachttijd, e-mail/ });
    const counts = await histogram.locator("tbody tr td:first-of-type").allTextContents();
    assert.deepEqual(counts, ["1", "1", "1", "0", "0", "0"]);
    await page.getByRole("table", { name: "Aanwezigheid en open vragen per medewerker" }).waitFor();
    assert.ok(await page.getByRole("rowheader", { name: "Sanne Supervisor" }).isVisible());

    await expectNoAxeViolations(page, "supervision");
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, "werkplek-supervisie.png"), fullPage: true });
    }
    assert.deepEqual(failures, []);
    await page.context().close();
  });
});
