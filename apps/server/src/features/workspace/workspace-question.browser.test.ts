import assert from "node:assert/strict";
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
  tabTo,
} from "./browser-test-support";

const [backend] = testBackends();
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe(hasChromium
  ? "werkplek question view in Debian chromium: notes, status, attachments, threading, all questions (axe)"
  : `werkplek question browser test SKIPPED: ${CHROMIUM} is not installed`, {
  skip: !hasChromium,
}, () => {
  let first: IngestResult;
  let other: IngestResult;

  const ctx = browserTestContext(backend, async ({ database, app }) => {
    const tenant = await createTestTenant(database, "vraagbeeld");
    const system = client(app, { token: tenant.token });
    const ingest = async (body: Record<string, unknown>) => {
      const response = await system.post("/api/v1/interactions", body);
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const resident = {
      identifiers: [
        { kind: "email", value: "petra@voorbeeld.test" },
        { kind: "whatsapp", value: "+31612345670" },
      ],
    };
    first = await ingest({
      channel: "email",
      externalId: "<vraag-1@voorbeeld.test>",
      subject: "Container niet geleegd",
      text: "Mijn container is niet geleegd, zie de foto.",
      topicId: "afval",
      sender: resident,
      attachments: [
        { fileName: "foto.png", contentType: "image/png", contentBase64: PNG },
        { fileName: "script.exe", contentType: "application/octet-stream", contentBase64: "TVo=" },
      ],
    });
    await ingest({
      channel: "whatsapp",
      externalId: "wamid.vraag-2",
      text: "Mag ik ook een extra container voor papier?",
      questionId: first.questionId,
      sender: { identifiers: [{ kind: "whatsapp", value: "+31612345670" }] },
    });
    other = await ingest({
      channel: "email",
      externalId: "<vraag-3@voorbeeld.test>",
      subject: "Parkeervergunning",
      text: "Wanneer verloopt mijn vergunning?",
      topicId: "parkeren",
      sender: resident,
    });
    const stranger = await ingest({
      channel: "email",
      externalId: "<vraag-4@voorbeeld.test>",
      subject: `Over ${first.questionReference}`,
      text: "Ik schrijf namens mijn buurvrouw over haar container.",
      sender: { identifiers: [{ kind: "email", value: "buurman@voorbeeld.test" }] },
    });
    assert.equal(stranger.suggestionCount, 1, "the stranger's contact is only suggested, not threaded");
  });

  it("shows attachments safely, adds a note, changes status, accepts a suggestion, splits, shows all questions", {
    timeout: 90_000,
  }, async () => {
    const { page, failures } = await openPage(ctx.browser);
    await logInByKeyboard(page, ctx.baseUrl, "agent@vraagbeeld.test");
    await page.goto(`${ctx.baseUrl}/werkplek/vragen/${first.questionId}`);
    await page.getByRole("heading", { level: 1, name: `Vraag ${first.questionReference}` }).waitFor();
    const timeline = page.getByRole("region", { name: "Tijdlijn over alle kanalen" });
    const status = page.getByTestId("question-announcer");

    // Attachments: a link for the photo, only text for the quarantined file.
    const photo = timeline.getByRole("link", { name: "foto.png" });
    await photo.waitFor();
    await timeline.getByText("script.exe (in quarantaine, niet te openen)").waitFor();
    assert.equal(await timeline.getByRole("link", { name: /script\.exe/ }).count(), 0);
    const served =
      (await page.evaluate(`fetch(${JSON.stringify(await photo.getAttribute("href"))}).then((r) => ({
      status: r.status,
      type: r.headers.get("content-type"),
      csp: r.headers.get("content-security-policy"),
      nosniff: r.headers.get("x-content-type-options"),
    }))`)) as { status: number; type: string; csp: string; nosniff: string };
    assert.deepEqual(
      [served.status, served.type, served.csp.startsWith("sandbox"), served.nosniff],
      [200, "image/png", true, "nosniff"],
    );

    // An internal note, by keyboard alone.
    await tabTo(page, "note-text", 80);
    await page.keyboard.type("Inwoner is slecht ter been; container graag aan de straat laten.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await status.getByText("De interne notitie is toegevoegd.").waitFor();
    await page
      .getByTestId("question-note")
      .filter({ hasText: "slecht ter been" })
      .filter({ hasText: "Door Anna Agent" })
      .waitFor();

    // Status change.
    await page.selectOption("#change-status", "waiting-on-resident");
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await status.getByText("Opgeslagen: status Wacht op inwoner.").waitFor();
    await page.locator(".question-facts").getByText("Wacht op inwoner").waitFor();

    // The suggested link: accepting brings the neighbour's contact into this question.
    const suggestion = page.getByTestId("threading-suggestion");
    await suggestion.getByText(/hoort misschien bij deze vraag/).waitFor();
    await expectNoAxeViolations(page, "question view with a suggestion and a note");
    await suggestion.getByRole("button", { name: "Accepteren" }).click();
    await status.getByText(/De koppeling is geaccepteerd/).waitFor();
    await timeline.getByText("Ik schrijf namens mijn buurvrouw over haar container.").waitFor();
    await suggestion.waitFor({ state: "detached" });

    // Split the WhatsApp contact off as a new question, after confirming with a reason.
    const whatsapp = page.getByTestId("timeline-contact").filter({ hasText: "Binnengekomen via WhatsApp" });
    await whatsapp.getByRole("button", { name: "Splits af als nieuwe vraag" }).click();
    const panelTitle = whatsapp.getByRole("heading", { name: "Contact afsplitsen als nieuwe vraag" });
    await panelTitle.waitFor();
    assert.equal(
      await panelTitle.evaluate((e) => e === e.ownerDocument.activeElement),
      true,
      "focus moves in",
    );
    await expectNoAxeViolations(page, "question view with the split confirmation open");
    await whatsapp.getByRole("button", { name: "Ja, splits af als nieuwe vraag" }).click();
    await whatsapp.getByText("Vul een reden in van ten minste 3 tekens.").waitFor();
    await whatsapp.getByRole("textbox", { name: "Reden" }).fill("Aparte vraag over papier");
    await whatsapp.getByRole("button", { name: "Ja, splits af als nieuwe vraag" }).click();
    const split = status.getByText(/Er is een nieuwe vraag (V-[\w-]+) gemaakt met dit contact\./);
    await split.waitFor();
    const splitReference = /(V-[\w-]+)/.exec((await split.textContent()) ?? "")?.[1] ?? "";
    await timeline.getByText("Mag ik ook een extra container voor papier?").waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("timeline-contact").count(), 2);
    assert.equal(
      await page.evaluate("document.activeElement?.id"),
      "timeline-title",
      "focus goes to the timeline after the contact left",
    );

    // The open "move" panel lists the resident's other questions.
    const email = page.getByTestId("timeline-contact").filter({ hasText: "Container niet geleegd" });
    await email.getByRole("button", { name: "Verplaats naar vraag" }).click();
    const choose = email.getByRole("combobox", { name: "Kies een andere vraag van deze inwoner" });
    await choose
      .getByRole("option", { name: new RegExp(other.questionReference) })
      .waitFor({ state: "attached" });
    await choose.getByRole("option", { name: new RegExp(splitReference) }).waitFor({ state: "attached" });
    await expectNoAxeViolations(page, "question view with the move panel open");
    await email.getByRole("button", { name: "Annuleren" }).click();
    assert.equal(
      await email
        .getByRole("button", { name: "Verplaats naar vraag" })
        .evaluate((e) => e === e.ownerDocument.activeElement),
      true,
      "cancel returns focus to its button",
    );

    // All of the resident's questions, grouped by question with links.
    await page.getByRole("tab", { name: "Alle vragen van deze inwoner" }).click();
    const all = page.getByRole("region", { name: "Alle vragen van deze inwoner" });
    await all.getByRole("link", { name: `Vraag ${other.questionReference}` }).waitFor();
    await all.getByRole("link", { name: `Vraag ${splitReference}` }).waitFor();
    await all.getByText(`Vraag ${first.questionReference} (deze vraag)`).waitFor();
    await all.getByText("Wanneer verloopt mijn vergunning?").waitFor();
    await expectNoAxeViolations(page, "all of the resident's questions");
    await page.getByRole("tab", { name: "Deze vraag" }).click();
    await timeline.waitFor();

    const [row] = await ctx.database.query<{ status: string; notes: string }>(
      "SELECT q.status, (SELECT count(*)::text FROM question_notes n WHERE n.question_id = q.id) AS notes FROM questions q WHERE q.id = $1",
      [first.questionId],
    );
    assert.deepEqual([row?.status, row?.notes], ["waiting-on-resident", "1"]);
    assert.deepEqual(failures, [], "no script errors in the page");
    await page.context().close();
  });
});
