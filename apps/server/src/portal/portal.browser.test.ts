import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser, Page } from "playwright-core";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  type serveApp,
  tabTo,
  tabToControl,
} from "../features/workspace/browser-test-support";
import { type PortalWorld, seedThreeChannels } from "./portal.test-helpers";
import { openPortalBrowser, type PortalBrowser } from "./portal-browser.test-support";

const EMAIL = "sanne@browser.test";

describe(hasChromium
  ? "residents' portal in Debian chromium: log in with a code by keyboard, three channels, history and promise, a callback and a topic preference (axe WCAG 2.1 AA), also without JavaScript"
  : `residents' portal browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let world: PortalWorld;
  let seeded: Awaited<ReturnType<typeof seedThreeChannels>>;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  let opened: PortalBrowser;

  before(async () => {
    opened = await openPortalBrowser("browserstad");
    ({ database, world, server, browser } = opened);
    seeded = await seedThreeChannels(world, EMAIL);
  });
  after(() => opened?.close());

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
    // Continue the question by asking for a call back: the number is filled in, the first slot chosen.
    await tabTo(page, "tijd", 40);
    await page.keyboard.press("ArrowDown");
    await tabToControl(page, "Vraag om terugbellen");
    await page.keyboard.press("Enter");
    await page.getByText("Uw verzoek om terugbellen is ontvangen.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "question after a callback request");
    const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tasks WHERE kind = 'callback' AND description LIKE 'Terugbelverzoek uit Mijn gemeente%'",
    );
    assert.equal(n, 1);

    // A channel preference for the topic: the employee's reply suggestion follows it.
    await tabToControl(page, "Mijn voorkeuren");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn voorkeuren" }).waitFor();
    await expectNoAxeViolations(page, "preferences");
    await tabToControl(page, "Bewaar voorkeur voor dit onderwerp", 60);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Er is iets niet goed gegaan" }).waitFor();
    await expectNoAxeViolations(page, "preferences error");
    await tabTo(page, "onderwerp", 60);
    await page.keyboard.type("Afval");
    await tabTo(page, "onderwerp-kanaal");
    await page.keyboard.type("sms");
    await tabToControl(page, "Bewaar voorkeur voor dit onderwerp");
    await page.keyboard.press("Enter");
    await page.getByText("Uw voorkeur voor dit onderwerp is bewaard.").waitFor();
    const suggested = await world.agent.get(`/api/v1/questions/${seeded.byEmail.questionId}/reply-channel`);
    assert.deepEqual(
      {
        ...((await suggested.json()) as { channel: string; reason: string }),
        reachable: [],
        noDigitalContact: false,
      },
      { channel: "sms", reason: "topic-preference", reachable: [], noDigitalContact: false },
    );

    // Consent and inzage: axe on the pages, the PDF export downloaded by keyboard.
    await tabToControl(page, "Toestemming");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Toestemming" }).waitFor();
    await expectNoAxeViolations(page, "consent");
    await tabToControl(page, "Mijn gegevens inzien");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn gegevens inzien" }).waitFor();
    await expectNoAxeViolations(page, "inzage");
    await tabToControl(page, "Download als document om te lezen (PDF)");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.match(download.suggestedFilename(), /^inzage-browserstad-.*\.pdf$/);
    await tabToControl(page, "Vraag om correctie of verwijdering", 80);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Vraag om correctie of verwijdering" }).waitFor();
    await expectNoAxeViolations(page, "correction request");

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
    // The new forms work as plain form posts.
    await page.getByLabel("Uw bericht").fill("Ik ben er vrijdag niet.");
    await page.getByRole("button", { name: "Verstuur bericht" }).press("Enter");
    await page.getByText("Uw bericht is verstuurd.", { exact: false }).waitFor();
    assert.match((await page.textContent("main")) ?? "", /Ik ben er vrijdag niet\./);
    await page.getByLabel("Wanneer mogen wij bellen?").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Vraag om terugbellen" }).press("Enter");
    await page.getByText("Uw verzoek om terugbellen is ontvangen.", { exact: false }).waitFor();
    await page.getByLabel("e-mail", { exact: true }).check();
    await page.getByRole("button", { name: "Bewaar mijn keuze" }).press("Enter");
    await page.getByText("Uw keuze is bewaard. Wij antwoorden u via e-mail.").waitFor();
    await page.getByRole("link", { name: "Mijn voorkeuren" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn voorkeuren" }).waitFor();
    await page.getByLabel("Onderwerp", { exact: true }).selectOption("parkeren");
    await page.getByLabel("Hoe wilt u over dit onderwerp antwoord krijgen?").selectOption("phone");
    await page.getByRole("button", { name: "Bewaar voorkeur voor dit onderwerp" }).press("Enter");
    await page.getByText("Uw voorkeur voor dit onderwerp is bewaard.").waitFor();
    await page.getByLabel("Een tolk").check();
    await page.getByRole("button", { name: "Bewaar mijn voorkeuren" }).press("Enter");
    await page.getByText("Uw voorkeuren zijn bewaard.").waitFor();
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
