import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant } from "../../test-support/harness";
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
  ? "werkplek resident panel in Debian chromium: verification, representative, merge a duplicate by keyboard and undo it (axe WCAG 2.1 AA)"
  : `werkplek resident panel browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`, {
  skip: !hasChromium,
}, () => {
  let question: IngestResult;

  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "inwoner");
    const system = client(app, { token: tenant.token });
    const ingest = async (body: Record<string, unknown>) => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        text: "Hallo",
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const sophie = {
      name: { givenName: "Sophie", familyName: "Bakker" },
      address: { postcode: "1234 AB", street: "Dorpsstraat", houseNumber: "12" },
    };
    // Sophie emails; earlier she called from a number we did not know yet: probably the same person.
    question = await ingest({
      externalId: "<inwoner-1@voorbeeld.test>",
      subject: "Lantaarnpaal kapot",
      text: "De lantaarnpaal voor mijn huis doet het niet.",
      topicId: "openbare-ruimte",
      sender: { ...sophie, identifiers: [{ kind: "email", value: "sophie@voorbeeld.test" }] },
    });
    await ingest({
      channel: "phone",
      externalId: "call-inwoner-2",
      text: "Vraag over de lantaarnpaal",
      sender: { ...sophie, identifiers: [{ kind: "phone", value: "0687654321" }] },
    });
    // Her BSN was checked at the counter; her neighbour Henk is her informal carer.
    await database.query(
      "INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification, verified_at, verified_by_employee_id) VALUES ($1, $2, 'bsn', '123456782', 'counter-id-check', '2026-02-03T10:15:00Z', $3)",
      [tenant.tenantId, question.partyId, tenant.agentId],
    );
    const henk = await ingest({
      channel: "phone",
      externalId: "call-inwoner-3",
      sender: {
        name: { givenName: "Henk", familyName: "de Wit" },
        identifiers: [{ kind: "phone", value: "0611223344" }],
      },
    });
    await database.query(
      "INSERT INTO representations (tenant_id, representative_party_id, represented_party_id, kind, valid_from) VALUES ($1, $2, $3, 'informal-carer', '2026-01-01T00:00:00Z')",
      [tenant.tenantId, henk.partyId, question.partyId],
    );
  });

  it("shows how an identifier was verified and who represents the resident; merges a duplicate and undoes it", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "agent@inwoner.test");
    await page.goto(`${ctx.baseUrl}/werkplek/vragen/${question.questionId}`);
    await page.getByRole("heading", { level: 1, name: `Vraag ${question.questionReference}` }).waitFor();

    const panel = page.getByRole("complementary", { name: "Inwoner: Sophie Bakker" });
    const bsn = panel.getByTestId("resident-identifier").filter({ hasText: "BSN" });
    await bsn.waitFor();
    assert.match(
      (await bsn.textContent()) ?? "",
      /^BSN\*{6}782 \(alleen de laatste 3 cijfers\)Gecontroleerd: identiteitsbewijs bekeken aan de balie op 3 feb 2026.* door Anna Agent$/,
    );
    assert.match(
      (await panel.getByTestId("resident-identifier").filter({ hasText: "E-mail" }).textContent()) ?? "",
      /Niet gecontroleerd: opgegeven via een kanaal/,
    );
    assert.match(
      (await panel.getByTestId("resident-representation").textContent()) ?? "",
      /^Henk de Wit · mantelzorger · geldig vanaf 1 jan 2026$/,
    );
    assert.equal(await panel.getByTestId("resident-open-question").count(), 1);
    const suggestion = panel.getByTestId("merge-suggestion");
    await suggestion.waitFor();
    assert.match((await suggestion.textContent()) ?? "", /Sophie Bakker.*Waarom: zelfde naam en postcode/);
    await expectNoAxeViolations(page, "question with resident panel");
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, "werkplek-inwoner.png"), fullPage: true });
    }

    // Merge by keyboard: the button names whom, a dialog asks for confirmation and a reason.
    await page.locator("h1").focus();
    await tabToControl(page, "Samenvoegen met Sophie Bakker", 120);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Samenvoegen met Sophie Bakker?" });
    await dialog.waitFor();
    assert.equal(await page.evaluate("document.activeElement?.id"), "merge-reason");
    await expectNoAxeViolations(page, "merge confirmation dialog");
    await page.keyboard.type("Zelfde naam en adres, bevestigd aan de telefoon");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    const status = panel.getByTestId("resident-merge-status");
    await status.getByText("Samengevoegd met Sophie Bakker.").waitFor();
    const merge = panel.getByTestId("resident-merge");
    await merge.waitFor();
    assert.match((await merge.textContent()) ?? "", /Sophie Bakker is samengevoegd met deze inwoner/);
    await panel.getByTestId("resident-open-question").nth(1).waitFor();
    assert.equal(await panel.getByTestId("resident-open-question").count(), 2);
    assert.equal(await panel.getByTestId("merge-suggestion").count(), 0);
    await expectNoAxeViolations(page, "resident panel after merge");

    // Undo, also by keyboard and with a reason: the duplicate is back as a suggestion.
    await tabToControl(page, "Samenvoegen ongedaan maken met Sophie Bakker", 120);
    await page.keyboard.press("Enter");
    const undo = page.getByRole("dialog", { name: "Samenvoegen met Sophie Bakker ongedaan maken?" });
    await undo.waitFor();
    await page.keyboard.type("Toch twee verschillende personen");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await undo.waitFor({ state: "hidden" });
    await status.getByText("Samenvoegen met Sophie Bakker is ongedaan gemaakt.").waitFor();
    await panel.getByTestId("merge-suggestion").waitFor();
    assert.equal(await panel.getByTestId("resident-merge").count(), 0);
    assert.equal(await panel.getByTestId("resident-open-question").count(), 1);
    await expectNoAxeViolations(page, "resident panel after undo");
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
