import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser, Page } from "playwright-core";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  launchChromium,
  serveApp,
  tabTo,
  tabToControl,
} from "../features/workspace/browser-test-support";
import { testBackends } from "../test-support/backends";
import { type PortalWorld, portalWorld, seedThreeChannels } from "./portal.test-helpers";

const [backend] = testBackends();
const EMAIL = "sanne@browser.test";

describe(hasChromium
  ? "residents' portal in Debian chromium: log in with a code by keyboard, three channels, history and promise (axe WCAG 2.1 AA), also without JavaScript"
  : `residents' portal browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let world: PortalWorld;
  let seeded: Awaited<ReturnType<typeof seedThreeChannels>>;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    world = await portalWorld(database, "browserstad");
    seeded = await seedThreeChannels(world, EMAIL);
    server = await serveApp(world.app);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await world?.smtp.close();
    await database?.drop();
  });

  /** The whole flow by keyboard alone, checking every page with axe. */
  async function flow(page: Page) {
    const base = `${server.baseUrl}/mijn/browserstad`;
    await page.goto(`${base}/inloggen`);
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await expectNoAxeViolations(page, "login");
    // The skip link comes first.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement?.textContent"), "Ga direct naar de inhoud");

    await tabTo(page, "email");
    await page.keyboard.type("geen-adres");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Er is iets niet goed gegaan" }).waitFor();
    await expectNoAxeViolations(page, "login error");

    await tabTo(page, "email");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(EMAIL);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
    await expectNoAxeViolations(page, "code");
    assert.ok(!page.url().includes("@"), "no address in the URL");
    const code = await world.codeFor(EMAIL);
    await tabTo(page, "code");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
    await expectNoAxeViolations(page, "my questions");
    const list = (await page.textContent("main")) ?? "";
    for (const q of [seeded.byEmail, seeded.bySms, seeded.byPhone])
      assert.ok(list.includes(q.questionReference));
    for (const channel of ["e-mail", "sms", "telefoon"]) assert.ok(list.includes(channel), channel);

    await tabToControl(page, "Grofvuil ophalen");
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { level: 1, name: `Vraag ${seeded.byEmail.questionReference}` })
      .waitFor();
    await expectNoAxeViolations(page, "question");
    const detail = (await page.textContent("main")) ?? "";
    assert.match(detail, /Wanneer halen jullie mijn bank op\?/);
    assert.match(detail, /We halen uw bank op vrijdag op\./);
    assert.match(detail, /We bellen u uiterlijk \w+dag \d+ \w+\./);

    await tabToControl(page, "Toegankelijkheid", 60);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Toegankelijkheid" }).waitFor();
    await expectNoAxeViolations(page, "accessibility statement");
    await page.goBack();

    await page
      .getByRole("heading", { level: 1, name: `Vraag ${seeded.byEmail.questionReference}` })
      .waitFor();
    await tabToControl(page, "Uitloggen");
    await page.keyboard.press("Enter");
    await page.getByText("U bent uitgelogd.").waitFor();
    await expectNoAxeViolations(page, "logged out");

    await page.goto(`${base}/vragen/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await page.goto(`${base}/inloggen?lang=en`);
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    await expectNoAxeViolations(page, "login in English");
  }

  it("works by keyboard alone with JavaScript on", async () => {
    const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const failures: string[] = [];
      page.on("pageerror", (error) => failures.push(error.message));
      await flow(page);
      assert.deepEqual(failures, []);
    } finally {
      await context.close();
    }
  });

  /**
   * The same flow with scripts off. The page's own main world has no JavaScript then, so neither axe
   * nor the focus-probing Tab helpers can run there; the controls are used through Playwright locators.
   */
  async function flowWithoutScripts(page: Page) {
    const base = `${server.baseUrl}/mijn/browserstad`;
    await page.goto(`${base}/inloggen`);
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await page.getByLabel("Uw e-mailadres").fill("geen-adres");
    await page.getByLabel("Uw e-mailadres").press("Enter");
    await page.getByRole("heading", { level: 2, name: "Er is iets niet goed gegaan" }).waitFor();
    await page.getByLabel("Uw e-mailadres").fill(EMAIL);
    await page.getByLabel("Uw e-mailadres").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
    const code = await world.codeFor(EMAIL);
    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByLabel("Code van 6 cijfers").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
    const list = (await page.textContent("main")) ?? "";
    for (const q of [seeded.byEmail, seeded.bySms, seeded.byPhone])
      assert.ok(list.includes(q.questionReference));
    await page.getByRole("link", { name: "Grofvuil ophalen" }).press("Enter");
    await page
      .getByRole("heading", { level: 1, name: `Vraag ${seeded.byEmail.questionReference}` })
      .waitFor();
    const detail = (await page.textContent("main")) ?? "";
    assert.match(detail, /We halen uw bank op vrijdag op\./);
    assert.match(detail, /We bellen u uiterlijk \w+dag \d+ \w+\./);
    await page.getByRole("button", { name: "Uitloggen" }).press("Enter");
    await page.getByText("U bent uitgelogd.").waitFor();
  }

  it("works the same with JavaScript disabled", async () => {
    const context = await browser.newContext({
      locale: "nl-NL",
      timezoneId: "Europe/Amsterdam",
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await flowWithoutScripts(page);
    } finally {
      await context.close();
    }
  });
});
