import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  type serveApp,
  tabToControl,
} from "../features/workspace/browser-test-support";
import { type OidcTestProvider, startOidcTestProvider } from "../test-support/oidc-test-provider";
import { type PortalWorld, portalWorld } from "./portal.test-helpers";
import { openPortalBrowser, type PortalBrowser } from "./portal-browser.test-support";

const SLUG = "digidbrowser";
const EMAIL = "lotte@digidbrowser.test";
const BSN = "111222333";

describe(hasChromium
  ? "portal login with DigiD in Debian chromium: through a real OpenID provider, then linking an email address after confirmation (axe WCAG 2.1 AA)"
  : `portal DigiD browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let provider: OidcTestProvider;
  let world: PortalWorld;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const redirectUris: string[] = [];

  let opened: PortalBrowser;

  before(async () => {
    provider = await startOidcTestProvider(redirectUris);
    opened = await openPortalBrowser(SLUG, (db) =>
      portalWorld(
        db,
        SLUG,
        {},
        {
          oidc: {
            issuer: provider.issuer,
            clientId: provider.clientId,
            clientSecret: provider.clientSecret,
            bsnClaim: "sub",
          },
        },
      ),
    );
    ({ world, server, browser } = opened);
    // No public URL set: the redirect URL comes from the request, i.e. this server's address.
    redirectUris.push(`${server.baseUrl}/mijn/${SLUG}/inloggen/digid/terug`);
  });
  after(async () => {
    await opened?.close();
    await provider?.close();
  });

  it("logs in with DigiD, links an email address by code and joins only after confirmation", async () => {
    const earlier = await world.ingest({
      channel: "email",
      subject: "Boom omgewaaid",
      text: "Er ligt een boom op de stoep.",
      sender: { identifiers: [{ kind: "email", value: EMAIL }] },
    });
    const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    const base = `${server.baseUrl}/mijn/${SLUG}`;
    try {
      await page.goto(`${base}/inloggen`);
      await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
      await expectNoAxeViolations(page, "login with DigiD offered");
      await tabToControl(page, "Inloggen met DigiD");
      await page.keyboard.press("Enter");

      // At the provider (its own development pages).
      await page.locator('input[name="login"]').fill(BSN);
      await page.locator('input[name="password"]').fill("x");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.getByRole("button", { name: "Continue" }).click();

      await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
      assert.ok(!page.url().includes(BSN), "no BSN in the URL");
      assert.ok(!((await page.textContent("main")) ?? "").includes(earlier.questionReference));

      await page.goto(`${base}/koppelen`);
      await page.getByRole("heading", { level: 1, name: "Uw gegevens koppelen" }).waitFor();
      await expectNoAxeViolations(page, "nothing to join");
      await tabToControl(page, "Koppel uw e-mailadres");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Koppel uw e-mailadres" }).waitFor();
      await expectNoAxeViolations(page, "link an email address");
      await page.getByLabel("Uw e-mailadres").fill(EMAIL);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Vul uw code in" }).waitFor();
      await expectNoAxeViolations(page, "link code");
      await page.getByLabel("Code van 6 cijfers").fill(await world.codeFor(EMAIL));
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: "Uw gegevens koppelen" }).waitFor();
      await expectNoAxeViolations(page, "join confirmation");
      const offer = (await page.textContent("main")) ?? "";
      assert.ok(offer.includes(EMAIL) && offer.includes(earlier.questionReference));
      await tabToControl(page, "Ja, koppel mijn gegevens");
      await page.keyboard.press("Enter");
      await page.getByText("Uw gegevens zijn gekoppeld.").waitFor();

      await page.goto(`${base}/vragen`);
      await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
      assert.ok(((await page.textContent("main")) ?? "").includes(earlier.questionReference));
    } finally {
      await context.close();
    }
  });

  it("explains a cancelled DigiD login in Dutch with the way back to the code login", async () => {
    const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/mijn/${SLUG}/inloggen/digid`);
      await page.getByRole("link", { name: "[ Cancel ]" }).click();
      await page.getByRole("heading", { level: 1, name: "Inloggen met DigiD is niet gelukt" }).waitFor();
      await expectNoAxeViolations(page, "cancelled");
      await page.getByRole("link", { name: "Inloggen met een code" }).click();
      await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
