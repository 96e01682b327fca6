import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser, Page } from "playwright-core";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  type serveApp,
} from "../features/workspace/browser-test-support";
import type { PortalWorld } from "./portal.test-helpers";
import { openPortalBrowser, type PortalBrowser } from "./portal-browser.test-support";

const EMAIL = "fenna@mening.test";

describe(hasChromium
  ? `residents' portal in Debian chromium: "Heeft dit u geholpen?" under a resolved question (axe WCAG 2.1 AA), also without JavaScript`
  : `portal feedback browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let world: PortalWorld;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let reference: string;

  let opened: PortalBrowser;

  before(async () => {
    opened = await openPortalBrowser("meningstad");
    ({ database, world, server, browser } = opened);
    const question = await world.ingest({
      subject: "Container niet geleegd",
      text: "Mijn container is niet geleegd.",
      topicId: "afval",
      sender: { identifiers: [{ kind: "email", value: EMAIL }] },
    });
    reference = question.questionReference;
    const done = await world.agent.post(`/api/v1/questions/${question.questionId}/_change`, {
      status: "resolved",
    });
    assert.equal(done.status, 200, await done.clone().text());
  });
  after(() => opened?.close());

  async function openQuestion(page: Page) {
    const base = `${server.baseUrl}/mijn/meningstad`;
    await page.goto(`${base}/inloggen`);
    await page.locator("#email").fill(EMAIL);
    await page.locator("#email").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
    await page.locator("#code").fill(await world.codeFor(EMAIL));
    await page.locator("#code").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
    await page.getByRole("link", { name: "Container niet geleegd" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: `Vraag ${reference}` }).waitFor();
  }

  it("is accessible, with and without an error", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await openQuestion(page);
      const group = page.getByRole("group", { name: "Heeft dit u geholpen?" });
      await group.waitFor();
      await expectNoAxeViolations(page, "resolved question with the feedback form");
      await page.getByRole("button", { name: "Antwoord versturen" }).press("Enter");
      await page.getByRole("alert").getByRole("link", { name: "Kies ja of nee." }).waitFor();
      await expectNoAxeViolations(page, "feedback form with an error");
      await page.getByRole("alert").getByRole("link", { name: "Kies ja of nee." }).press("Enter");
      assert.equal(
        await page.evaluate("document.activeElement?.id"),
        "geholpen-ja",
        "the link leads to the choice",
      );
    } finally {
      await context.close();
    }
  });

  it("works as a plain form with JavaScript disabled", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({
      locale: "nl-NL",
      timezoneId: "Europe/Amsterdam",
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await openQuestion(page);
      await page.getByLabel("Nee", { exact: true }).check();
      await page.getByLabel("Wilt u nog iets zeggen? (niet verplicht)").fill("Het duurde lang.");
      await page.getByRole("button", { name: "Antwoord versturen" }).press("Enter");
      await page.getByText("Bedankt voor uw antwoord. We hebben het opgeslagen.").waitFor();
      await page.getByText("U antwoordde eerder: nee. U kunt uw antwoord veranderen.").waitFor();
      const rows = await database.query<{ helped: boolean; comment: string }>(
        "SELECT helped, comment FROM question_feedback",
      );
      assert.deepEqual(rows, [{ helped: false, comment: "Het duurde lang." }]);
    } finally {
      await context.close();
    }
  });
});
