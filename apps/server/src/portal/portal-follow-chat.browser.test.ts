import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser } from "playwright-core";
import { enableChat } from "../channels/chat/chat.test-helpers";
import { followCode, showFollowCode } from "../features/portal";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  openPage,
  type serveApp,
  until,
} from "../features/workspace/browser-test-support";
import type { PortalWorld } from "./portal.test-helpers";
import { openPortalBrowser, type PortalBrowser } from "./portal-browser.test-support";

const slug = "volgchat";

describe(hasChromium
  ? "portal in Debian chromium: following a question by number and follow code, and the chat about a question (axe WCAG 2.1 AA)"
  : `portal follow/chat browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let world: PortalWorld;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  let opened: PortalBrowser;

  before(async () => {
    opened = await openPortalBrowser(slug);
    ({ database, world, server, browser } = opened);
    await enableChat(database, world.tenant.tenantId, slug, 600, ["https://www.elders.test"]);
  });
  after(() => opened?.close());

  it("follows a question with its number and follow code, and adds a message", async () => {
    const question = await world.ingest({
      text: "Wanneer wordt mijn stoep gerepareerd?",
      sender: { identifiers: [{ kind: "email", value: "volg@volgchat.test" }] },
    });
    const code = showFollowCode(
      followCode(world.deps.config.formSecret, world.tenant.tenantId, question.questionId),
    );
    const { page, failures } = await openPage(browser);
    await page.goto(`${server.baseUrl}/mijn/${slug}/volgen`);
    await page.getByRole("heading", { level: 1, name: "Uw vraag volgen" }).waitFor();
    await expectNoAxeViolations(page, "follow form");
    await page.getByLabel("Nummer van uw vraag").fill(question.questionReference);
    await page.getByLabel("Volgcode").fill("ZZZZ-ZZZZ");
    await page.getByLabel("Volgcode").press("Enter");
    await page.getByRole("heading", { level: 2, name: "Er is iets niet goed gegaan" }).waitFor();
    await expectNoAxeViolations(page, "follow not found");
    await page.getByLabel("Volgcode").fill(code);
    await page.getByLabel("Volgcode").press("Enter");
    await page.getByRole("heading", { level: 1, name: `Vraag ${question.questionReference}` }).waitFor();
    await expectNoAxeViolations(page, "followed question");
    assert.ok(!page.url().includes(code) && !page.url().includes(question.questionReference));
    await page.getByLabel("Uw bericht").fill("Er ligt nu ook een losse tegel.");
    await page.getByRole("button", { name: "Verstuur bericht" }).click();
    await page.getByRole("status").filter({ hasText: "Uw bericht is verstuurd" }).waitFor();
    const rows = await database.query<{ question_id: string }>(
      "SELECT question_id::text FROM interactions WHERE text = 'Er ligt nu ook een losse tegel.'",
    );
    assert.deepEqual(rows, [{ question_id: question.questionId }]);
    assert.deepEqual(failures, []);
  });

  it("opens the chat about a question from the portal; the widget holds that chat", async () => {
    const email = "chat@volgchat.test";
    const question = await world.ingest({
      text: "Klopt mijn aanslag?",
      sender: { identifiers: [{ kind: "email", value: email }] },
    });
    const { page, failures } = await openPage(browser);
    const base = `${server.baseUrl}/mijn/${slug}`;
    await page.goto(`${base}/inloggen`);
    await page.getByLabel("Uw e-mailadres of mobiele nummer").fill(email);
    await page.getByLabel("Uw e-mailadres of mobiele nummer").press("Enter");
    await page.getByLabel("Code van 6 cijfers").fill(await world.codeFor(email));
    await page.getByLabel("Code van 6 cijfers").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn vragen" }).waitFor();
    await page.goto(`${base}/vragen/${question.questionId}`);
    await page.getByRole("button", { name: "Chat over deze vraag" }).click();
    await page
      .getByRole("heading", { level: 1, name: `Chat over vraag ${question.questionReference}` })
      .waitFor();
    // The widget opens by itself with the handed-over chat.
    await page.getByRole("dialog", { name: "Chat met de gemeente" }).waitFor();
    await page.getByLabel("Uw bericht").fill("Kunt u naar mijn aanslag kijken?");
    await page.getByRole("button", { name: "Versturen" }).click();
    await until(async () => {
      const [line] = await database.query<{ question_id: string }>(
        `SELECT cs.question_id::text FROM chat_messages m JOIN chat_sessions cs ON cs.id = m.session_id
          WHERE m.text = 'Kunt u naar mijn aanslag kijken?'`,
      );
      return line?.question_id === question.questionId;
    }, "the chat line lands in the question");
    await expectNoAxeViolations(page, "chat about a question");
    assert.deepEqual(failures, []);
  });
});
