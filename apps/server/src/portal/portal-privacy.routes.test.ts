import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createEmployee } from "../features/accounts";
import { evaluateResidentSignals } from "../features/signals";
import { testBackends } from "../test-support/backends";
import { logInAs, TEST_PASSWORD } from "../test-support/harness";
import { hiddenField, logIn, type PortalWorld, portalBrowser, portalWorld } from "./portal.test-helpers";

type Browser = Awaited<ReturnType<typeof logIn>>;

/** The text drawn in an uncompressed pdfkit PDF: its hex strings, decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  return [...raw.matchAll(/<([0-9a-f]+)>\s*(?:-?\d+\s*)?/gi)]
    .map((m) => Buffer.from(m[1] ?? "", "hex").toString("latin1"))
    .join("");
}

for (const backend of testBackends()) {
  describe(`residents' portal: consent, inzage, correction request (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let jan: Browser;
    let piet: Browser;
    let csrf: string;
    let janParty = "";
    let pietParty = "";
    const base = "/mijn/privacy";
    const email = "jan@privacy.test";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "privacy");
      const texts = [
        "Ik heb een vraag over mijn aanslag gemeentelijke belastingen en de WOZ-waarde.",
        "Ik heb nog steeds geen antwoord over mijn aanslag belastingen.",
        "Dit is al drie keer dat ik schrijf over de aanslag belastingen, niemand helpt mij. Schandalig!",
      ];
      let last = "";
      for (const [i, text] of texts.entries()) {
        const r = await world.ingest({
          text,
          sender: { identifiers: [{ kind: "email", value: email }] },
          ...(last ? { questionId: last } : {}),
          occurredAt: new Date(Date.now() - (3 - i) * 86_400_000).toISOString(),
        });
        last = r.questionId;
      }
      await world.ingest({
        text: "Geheime vraag van Piet",
        sender: { identifiers: [{ kind: "email", value: "piet@privacy.test" }] },
      });
      // An employee looks at Jan's question: that must show in his access log.
      assert.equal((await world.agent.get(`/api/v1/questions/${last}`)).status, 200);
      jan = await logIn(world, email, "192.0.2.80");
      piet = await logIn(world, "piet@privacy.test", "192.0.2.81");
      csrf = hiddenField(await (await jan.get(`${base}/toestemming`)).text(), "_csrf");
      const party = async (e: string) =>
        (
          await database.query<{ party_id: string }>(
            "SELECT party_id FROM party_identifiers WHERE kind = 'email' AND value = $1",
            [e],
          )
        )[0]?.party_id ?? "";
      janParty = await party(email);
      pietParty = await party("piet@privacy.test");
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    it("consent: opt-out by default, withdrawn at once (no signals), given again", async () => {
      const page = await (await jan.get(`${base}/toestemming`)).text();
      assert.match(page, /U geeft toestemming\./);
      assert.match(page, /U heeft nog niets gekozen\. De gemeente doet dit dan wel/);
      const deps = { db: database.db, clock: world.deps.clock };
      await evaluateResidentSignals(deps, { tenantId: world.tenant.tenantId, partyIds: [janParty] });
      const signals = () =>
        database.query<{ id: string }>("SELECT id FROM signals WHERE party_id = $1", [janParty]);
      assert.ok((await signals()).length > 0);

      const forged = await jan.post(`${base}/toestemming`, {
        _csrf: "x",
        doel: "proactive-contact",
        keuze: "nee",
      });
      assert.equal(forged.status, 403);
      const withdrawn = await jan.post(`${base}/toestemming`, {
        _csrf: csrf,
        doel: "proactive-contact",
        keuze: "nee",
      });
      assert.equal(withdrawn.status, 303);
      assert.equal(withdrawn.headers.get("location"), `${base}/toestemming?gedaan=1`);
      const rows = await database.query<{ given: boolean; source: string }>(
        "SELECT given, source FROM consents WHERE party_id = $1",
        [janParty],
      );
      assert.deepEqual(rows, [{ given: false, source: "portal" }]);
      await evaluateResidentSignals(deps, { tenantId: world.tenant.tenantId, partyIds: [janParty] });
      assert.equal((await signals()).length, 0);
      assert.match(
        await (await jan.get(`${base}/toestemming?gedaan=1`)).text(),
        /U geeft geen toestemming\./,
      );

      assert.equal(
        (await jan.post(`${base}/toestemming`, { _csrf: csrf, doel: "marketing", keuze: "ja" })).status,
        400,
      );
      await jan.post(`${base}/toestemming`, { _csrf: csrf, doel: "proactive-contact", keuze: "ja" });
      assert.match(await (await jan.get(`${base}/toestemming`)).text(), /U geeft toestemming\./);
    });

    it("the default follows the municipality's opt-in setting, and so do the signals", async () => {
      await database.query(
        `UPDATE tenants SET settings = settings || '{"privacy":{"proactiveContact":"opt-in"}}' WHERE id = $1`,
        [world.tenant.tenantId],
      );
      const page = await (await piet.get(`${base}/toestemming`)).text();
      assert.match(page, /U geeft geen toestemming\./);
      assert.match(page, /De gemeente doet dit dan niet, tot u ja zegt/);

      // Under opt-in the signals follow too: Kees, who never chose, gets none until the default is opt-out.
      let last = "";
      for (const text of [
        "Vraag over mijn parkeervergunning.",
        "Nog steeds niets gehoord over de parkeervergunning.",
        "Al drie keer gevraagd over de parkeervergunning, niemand helpt mij!",
      ]) {
        last = (
          await world.ingest({
            text,
            sender: { identifiers: [{ kind: "email", value: "kees@privacy.test" }] },
            ...(last ? { questionId: last } : {}),
          })
        ).questionId;
      }
      const [kees] = await database.query<{ party_id: string }>(
        "SELECT resident_party_id AS party_id FROM questions WHERE id = $1",
        [last],
      );
      const signalsOfKees = async () => {
        await evaluateResidentSignals(
          { db: database.db, clock: world.deps.clock },
          { tenantId: world.tenant.tenantId, partyIds: [kees?.party_id ?? ""] },
        );
        return database.query<{ id: string }>("SELECT id FROM signals WHERE party_id = $1", [kees?.party_id]);
      };
      assert.equal((await signalsOfKees()).length, 0, "opt-in and nothing recorded: no signals");
      await database.query(`UPDATE tenants SET settings = settings - 'privacy' WHERE id = $1`, [
        world.tenant.tenantId,
      ]);
      assert.ok((await signalsOfKees()).length > 0, "opt-out (the default): the same facts give signals");
    });

    it("inzage: the page, JSON with the access log and the signals about me, nothing of others, a readable PDF; audited", async () => {
      // The rules look at Jan's three contacts again (he consented again in the first test).
      await evaluateResidentSignals(
        { db: database.db, clock: world.deps.clock },
        { tenantId: world.tenant.tenantId, partyIds: [janParty] },
      );
      const [stored] = await database.query<{ explanation: string }>(
        "SELECT explanation FROM signals WHERE party_id = $1 ORDER BY detected_at DESC LIMIT 1",
        [janParty],
      );
      assert.ok(stored, "Jan's contacts give a signal");
      const page = await jan.get(`${base}/inzage`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Wie heeft uw gegevens bekeken/);
      assert.match(html, /Signalen over u/);
      assert.match(html, /regel versie 1/);
      assert.match(html, /nog niet bekeken door een medewerker/);
      assert.match(html, /jan@privacy\.test/);

      const json = await jan.get(`${base}/inzage.json`);
      assert.equal(json.status, 200);
      assert.match(json.headers.get("content-disposition") ?? "", /^attachment; filename="inzage-privacy-/);
      assert.equal(json.headers.get("cache-control"), "no-store");
      const body = await json.text();
      const data = JSON.parse(body) as {
        identifiers: Array<{ value: string; verification: string }>;
        questions: Array<{ contacts: unknown[] }>;
        accessLog: Array<{
          who: string;
          purpose: string;
          employee: { roles: string[]; name: string | null } | null;
        }>;
        consentHistory: unknown[];
        signals: Array<{ ruleId: string; ruleVersion: number; explanation: string; status: string }>;
      };
      assert.ok(data.signals.length > 0, "the signals about Jan are in his inzage");
      for (const signal of data.signals) {
        assert.equal(signal.ruleVersion, 1);
        assert.ok(signal.explanation.length > 0, "each with its explanation");
      }
      assert.ok(data.signals.some((signal) => signal.explanation === stored.explanation));
      assert.deepEqual(
        data.identifiers.map((i) => [i.value, i.verification]),
        [["jan@privacy.test", "code"]],
      );
      assert.equal(data.questions[0]?.contacts.length, 3);
      assert.equal(data.consentHistory.length, 2);
      const employee = data.accessLog.find((a) => a.who === "employee");
      assert.ok(employee, JSON.stringify(data.accessLog));
      assert.equal(employee.purpose, "contact-handling");
      assert.equal(employee.employee?.name, null);
      assert.ok(data.accessLog.some((a) => a.who === "resident" && a.purpose === "resident-self-service"));
      assert.doesNotMatch(body, /piet|Geheime vraag/i);
      assert.doesNotMatch(body, new RegExp(pietParty));

      const pdf = await jan.get(`${base}/inzage.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get("content-type"), "application/pdf");
      assert.match(pdf.headers.get("content-disposition") ?? "", /^attachment; filename=".*\.pdf"$/);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF");
      const text = pdfText(bytes);
      assert.match(text, /jan@privacy\.test/);
      assert.match(text, /Wie heeft uw gegevens bekeken/);

      const audits = await database.query<{ action: string; purpose: string }>(
        "SELECT action, purpose FROM audit_events WHERE actor_id = $1 AND action LIKE 'portal.inzage.%' ORDER BY id",
        [janParty],
      );
      assert.deepEqual(
        audits.map((a) => a.action),
        ["portal.inzage.read", "portal.inzage.download-json", "portal.inzage.download-pdf"],
      );
    });

    it("every new route is a 404 (downloads) or the login (pages) without a session; posts change nothing", async () => {
      const stranger = portalBrowser(world.app, "192.0.2.82");
      for (const path of ["inzage.json", "inzage.pdf"]) {
        const response = await stranger.get(`${base}/${path}`);
        assert.equal(response.status, 404, path);
        assert.equal(response.headers.get("content-disposition"), null);
      }
      for (const path of ["toestemming", "inzage", "inzage/verzoek"])
        assert.equal((await stranger.get(`${base}/${path}`)).status, 303, path);
      // Jan's session cookie in another municipality's path is no session there.
      const other = await portalWorld(database, "elders");
      try {
        const cookie = [...jan.jar].map(([k, v]) => `${k}=${v}`).join("; ");
        const response = await other.app.request("/mijn/elders/inzage.json", { headers: { cookie } });
        assert.equal(response.status, 404);
      } finally {
        await other.smtp.close();
      }
      // Piet's export is his own: nothing of Jan's.
      const pietJson = await (await piet.get(`${base}/inzage.json`)).text();
      assert.doesNotMatch(pietJson, /jan@privacy\.test/);
    });

    it("a correction request becomes a task for the privacy officer due one month later", async () => {
      const officer = await createEmployee(database.db, {
        tenantId: world.tenant.tenantId,
        name: "Pia Privacy",
        email: "pia@privacy.test",
        roles: ["privacy-officer"],
        password: TEST_PASSWORD,
        teamIds: [world.tenant.teams.general],
      });
      const empty = await jan.post(`${base}/inzage/verzoek`, {
        _csrf: csrf,
        soort: "correction",
        verzoek: " ",
      });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /<a href="#verzoek">Schrijf eerst/);
      const sent = await jan.post(`${base}/inzage/verzoek`, {
        _csrf: csrf,
        soort: "correction",
        verzoek: "Mijn telefoonnummer klopt niet meer.",
      });
      assert.equal(sent.status, 303, await sent.clone().text());
      const location = sent.headers.get("location") ?? "";
      const [task] = await database.query<{
        due_at: Date;
        kind: string;
        description: string;
        created_at: Date;
        resident: string;
      }>(
        `SELECT t.due_at, t.kind, t.description, t.created_at, q.resident_party_id AS resident
           FROM tasks t JOIN questions q ON q.id = t.question_id WHERE t.description LIKE 'Voor de privacyfunctionaris%'`,
      );
      assert.ok(task);
      assert.equal(task.resident, janParty);
      assert.equal(task.kind, "back-office");
      const due = new Date(task.due_at);
      const created = new Date(task.created_at);
      const expected = new Date(created);
      expected.setUTCMonth(expected.getUTCMonth() + 1);
      assert.ok(
        Math.abs(due.getTime() - expected.getTime()) < 4 * 86_400_000,
        `${due.toISOString()} ${created.toISOString()}`,
      );
      assert.ok(due.getTime() - created.getTime() >= 27 * 86_400_000);
      const confirmation = await (await jan.get(location)).text();
      assert.match(
        confirmation,
        /We hebben uw verzoek ontvangen \(kenmerk [A-Z0-9-]+\)\. U krijgt uiterlijk/,
      );
      assert.match(await (await jan.get(`${base}/vragen`)).text(), /Verzoek om correctie van mijn gegevens/);

      // The privacy officer finds it in the workspace's task list, for the purpose of a privacy request.
      const pia = await logInAs(world.app, "pia@privacy.test");
      const listed = await pia.get("/api/v1/tasks", { "omniloket-purpose": "privacy-request" });
      assert.equal(listed.status, 200, await listed.clone().text());
      const { items } = (await listed.json()) as {
        items: Array<{ description: string; assigneeEmployeeId: string | null; dueAt: string | null }>;
      };
      const mine = items.find((t) => t.description.startsWith("Voor de privacyfunctionaris"));
      assert.equal(mine?.assigneeEmployeeId, officer.id);
      assert.equal(mine?.dueAt, new Date(task.due_at).toISOString());
    });
  });
}
