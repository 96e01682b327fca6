import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant } from "../../test-support/harness";
import { classifyUnknownQuestions } from "../classification";
import {
  browserTestContext,
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  logInByKeyboard,
  openPage,
  tabToControl,
} from "./browser-test-support";

const [backend] = testBackends();

describe(hasChromium
  ? "werkplek: how the classifier decided a question's topic, shown to the employee (axe WCAG 2.1 AA)"
  : `werkplek classification browser test SKIPPED: ${CHROMIUM} is not installed`, {
  skip: !hasChromium,
}, () => {
  let questionId = "";
  let reference = "";
  const ctx = browserTestContext(backend, async ({ database, app, deps }) => {
    const tenant = await createTestTenant(database, "onderwerp");
    const response = await client(app, { token: tenant.token }).post("/api/v1/interactions", {
      channel: "email",
      externalId: "classification-browser-1",
      sender: { identifiers: [{ kind: "email", value: "piet@voorbeeld.test" }] },
      text: "Ik wil bezwaar maken tegen de WOZ-waarde op mijn aanslag gemeentelijke belastingen.",
    });
    ({ questionId, questionReference: reference } = (await response.json()) as IngestResult);
    const result = await classifyUnknownQuestions(
      { db: database.db, clock: deps.clock },
      { tenantId: tenant.tenantId },
    );
    assert.equal(result.classified, 1);
  });

  it("explains the automatic topic with the words that decided it, by keyboard", {
    timeout: 60_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "agent@onderwerp.test");
    await page.goto(`${ctx.baseUrl}/werkplek/vragen/${questionId}`);
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
    await tabToControl(page, "Hoe is het onderwerp bepaald?");
    await page.keyboard.press("Enter");
    await page
      .getByText(
        /Het systeem heeft het onderwerp Gemeentelijke belastingen en WOZ gekozen \(zekerheid \d+%\)/,
      )
      .waitFor();
    await page.getByText("Woorden die de doorslag gaven:").waitFor();
    assert.ok(
      (await page.locator(".question-classification li").count()) > 0,
      "the driving words are listed",
    );
    await expectNoAxeViolations(page, "question view with the classifier's explanation open");
    assert.deepEqual(failures, []);
    await page.context().close();
  });
});
