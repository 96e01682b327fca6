import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser, Page } from "playwright-core";
import { openCounter, residentWithQuestion } from "../features/appointments/appointments.test-helpers";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  tabTo,
  tabToControl,
} from "../features/workspace/browser-test-support";
import type { PortalWorld } from "./portal.test-helpers";
import { openPortalBrowser, type PortalBrowser } from "./portal-browser.test-support";

const EMAIL = "fatima@balie-browser.test";

describe(hasChromium
  ? "counter appointments in Debian chromium: book, reschedule and cancel by keyboard (axe WCAG 2.1 AA on every page), also without JavaScript"
  : `counter appointments browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let world: PortalWorld;
  let browser: Browser;
  let base: string;

  let opened: PortalBrowser;

  before(async () => {
    opened = await openPortalBrowser("baliestad");
    ({ database, world, browser, base } = opened);
    await openCounter(world, { name: "Stadhuis", capacity: 2 });
    await openCounter(world, {
      name: "Servicepunt Noord",
      capacity: 1,
      address: "Noorderplein 2\n1235 CD Teststad",
    });
    await residentWithQuestion(world, EMAIL);
  });
  after(() => opened?.close());

  const booked = async () =>
    (
      await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM appointments WHERE status = 'booked'",
      )
    )[0]?.n;

  /** Focuses the first free time by Tab and checks it with the space bar. */
  async function chooseFirstTimeByKeyboard(page: Page) {
    const id = await page.locator('input[name="tijd"]').first().getAttribute("id");
    assert.ok(id);
    await tabTo(page, id, 60);
    await page.keyboard.press("Space");
    assert.ok(await page.locator(`[id="${id}"]`).isChecked());
  }

  async function flow(page: Page) {
    await page.goto(`${base}/inloggen`);
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await tabTo(page, "email");
    await page.keyboard.type(EMAIL);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
    const code = await world.codeFor(EMAIL);
    await tabTo(page, "code");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();

    await tabToControl(page, "Nieuw paspoort");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Afspraak aan de balie" }).waitFor();
    await expectNoAxeViolations(page, "question with the appointment link");
    await tabToControl(page, "Maak een afspraak aan de balie", 80);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Waar wilt u langskomen?" }).waitFor();
    await expectNoAxeViolations(page, "choose a counter");
    await tabToControl(page, "Stadhuis");
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Kies een dag en een tijd" }).waitFor();
    await expectNoAxeViolations(page, "choose a time");

    // Nothing chosen: the error summary, and the page still passes axe.
    await tabToControl(page, "Afspraak maken", 200);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Er is iets niet goed gegaan" }).waitFor();
    await expectNoAxeViolations(page, "choose a time, error");
    await chooseFirstTimeByKeyboard(page);
    await tabToControl(page, "Afspraak maken", 200);
    await page.keyboard.press("Enter");
    await page.getByText("Uw afspraak is gemaakt.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "confirmation");
    assert.match((await page.textContent("main")) ?? "", /Stadhuis/);
    assert.equal(await booked(), 1);

    // Reschedule from the confirmation, to the other counter.
    await tabToControl(page, "Afspraak verzetten");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Afspraak verzetten" }).waitFor();
    await expectNoAxeViolations(page, "reschedule: choose a counter");
    await tabToControl(page, "Servicepunt Noord");
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Kies een dag en een tijd" }).waitFor();
    await expectNoAxeViolations(page, "reschedule: choose a time");
    await chooseFirstTimeByKeyboard(page);
    await tabToControl(page, "Afspraak verzetten naar deze tijd", 200);
    await page.keyboard.press("Enter");
    await page.getByText("Uw afspraak is verzet.", { exact: false }).waitFor();
    assert.match((await page.textContent("main")) ?? "", /Servicepunt Noord/);
    assert.equal(await booked(), 1);

    await tabToControl(page, "Mijn afspraken");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn afspraken" }).waitFor();
    await expectNoAxeViolations(page, "my appointments");
    await tabToControl(page, "Afspraak afzeggen", 60);
    await page.keyboard.press("Enter");
    await page.getByText("Uw afspraak is afgezegd.", { exact: false }).waitFor();
    await page.getByText("U heeft geen afspraken aan de balie.").waitFor();
    await expectNoAxeViolations(page, "my appointments after cancelling");
    assert.equal(await booked(), 0);

    await page.goto(`${base}/afspraken?lang=en`);
    await page.getByRole("heading", { level: 1, name: "My appointments" }).waitFor();
    await expectNoAxeViolations(page, "my appointments in English");
    await tabToControl(page, "Log out");
    await page.keyboard.press("Enter");
    await page.getByText("You have logged out.").waitFor();
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

  it("books and cancels the same way with JavaScript disabled", async () => {
    const context = await browser.newContext({
      locale: "nl-NL",
      timezoneId: "Europe/Amsterdam",
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${base}/inloggen`);
      await page.getByLabel("Uw e-mailadres").fill(EMAIL);
      await page.getByLabel("Uw e-mailadres").press("Enter");
      await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
      const code = await world.codeFor(EMAIL);
      await page.getByLabel("Code van 6 cijfers").fill(code);
      await page.getByLabel("Code van 6 cijfers").press("Enter");
      await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
      await page.getByRole("link", { name: "Nieuw paspoort" }).press("Enter");
      await page.getByRole("link", { name: "Maak een afspraak aan de balie" }).press("Enter");
      await page.getByRole("link", { name: "Servicepunt Noord" }).press("Enter");
      await page.getByRole("radio").first().check();
      await page.getByRole("button", { name: "Afspraak maken" }).press("Enter");
      await page.getByText("Uw afspraak is gemaakt.", { exact: false }).waitFor();
      assert.equal(await booked(), 1);
      await page.getByRole("button", { name: "Afspraak afzeggen" }).press("Enter");
      await page.getByText("Uw afspraak is afgezegd.", { exact: false }).waitFor();
      assert.equal(await booked(), 0);
    } finally {
      await context.close();
    }
  });
});
