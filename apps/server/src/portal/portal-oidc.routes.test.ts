import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { testBackends } from "../test-support/backends";
import { type OidcTestProvider, startOidcTestProvider } from "../test-support/oidc-test-provider";
import { hiddenField, logIn, type PortalWorld, portalBrowser, portalWorld } from "./portal.test-helpers";

const PUBLIC_URL = "http://localhost";
const SLUG = "digidstad";
const BASE = `/mijn/${SLUG}`;
const REDIRECT_URI = `${PUBLIC_URL}${BASE}/inloggen/digid/terug`;
// Three numbers that pass the eleven-test.
const PIETER_BSN = "111222333";
const SANNE_BSN = "123456782";
const KEES_BSN = "999999990";

type Browser = ReturnType<typeof portalBrowser>;

for (const backend of testBackends()) {
  describe(`portal login with OpenID Connect (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let provider: OidcTestProvider;
    let world: PortalWorld;

    before(async () => {
      database = await backend.open();
      provider = await startOidcTestProvider([REDIRECT_URI]);
      world = await portalWorld(
        database,
        SLUG,
        {},
        {
          publicUrl: PUBLIC_URL,
          oidc: {
            issuer: provider.issuer,
            clientId: provider.clientId,
            clientSecret: provider.clientSecret,
            bsnClaim: "sub",
          },
        },
      );
    });
    after(async () => {
      await provider.close();
      await world.smtp.close();
      await database.drop();
    });

    /** Starts at "Inloggen met DigiD"; returns the provider's URL after checking the state cookie. */
    async function startDigid(browser: Browser) {
      const start = await browser.get(`${BASE}/inloggen/digid`);
      assert.equal(start.status, 303, await start.clone().text());
      const location = start.headers.get("location") ?? "";
      assert.ok(location.startsWith(`${provider.issuer}/`), location);
      const query = new URL(location).searchParams;
      assert.equal(query.get("code_challenge_method"), "S256");
      assert.equal(query.get("redirect_uri"), REDIRECT_URI);
      assert.ok(query.get("state") && query.get("nonce") && query.get("code_challenge"));
      const cookie = start.headers.getSetCookie().find((c) => c.startsWith("omniloket_portal_oidc="));
      assert.ok(cookie);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(cookie, new RegExp(`Path=${BASE}/inloggen/digid`));
      assert.ok(!cookie.includes(query.get("code_challenge") ?? "-"));
      return location;
    }
    /** Back at our redirect URL with what the provider sent. */
    const comeBack = (browser: Browser, callback: URL) =>
      browser.get(`${callback.pathname}${callback.search}`);

    async function logInWithDigid(bsn: string, browser = portalBrowser(world.app, "192.0.2.60")) {
      const callback = await provider.logInAs(await startDigid(browser), bsn);
      assert.equal(`${callback.origin}${callback.pathname}`, REDIRECT_URI);
      const done = await comeBack(browser, callback);
      assert.equal(done.status, 303, await done.clone().text());
      return { browser, done };
    }

    const partyOfBsn = async (bsn: string) =>
      (
        await database.query<{ party_id: string }>(
          "SELECT party_id FROM party_identifiers WHERE kind = 'bsn' AND value = $1",
          [bsn],
        )
      ).map((row) => row.party_id);

    it("offers DigiD first on the login page", async () => {
      const page = await (await portalBrowser(world.app).get(`${BASE}/inloggen`)).text();
      const digid = page.indexOf("Inloggen met DigiD");
      assert.ok(digid > 0, "DigiD offered");
      assert.ok(digid < page.indexOf('name="email"'), "before the code login");
      assert.ok(page.includes(`href="${BASE}/inloggen/digid"`));
    });

    it("logs in through the provider and shows only that resident's own questions", async () => {
      const own = await world.ingest({
        channel: "api",
        text: "Mijn paspoort is verlopen",
        topicId: "afval",
        sender: { identifiers: [{ kind: "bsn", value: PIETER_BSN }] },
      });
      const other = await world.ingest({
        channel: "email",
        text: "Vraag van iemand anders",
        sender: { identifiers: [{ kind: "email", value: "ander@digidstad.test" }] },
      });

      const { browser, done } = await logInWithDigid(PIETER_BSN);
      assert.equal(done.headers.get("location"), `${BASE}/vragen`);
      const session = done.headers.getSetCookie().find((c) => c.startsWith("omniloket_portal="));
      assert.ok(session);
      assert.match(session, /HttpOnly/i);
      assert.match(session, /SameSite=Lax/i);
      assert.ok(!done.headers.getSetCookie().join("\n").includes(PIETER_BSN), "no BSN in cookies");
      assert.ok(!(done.headers.get("location") ?? "").includes(PIETER_BSN), "no BSN in the URL");

      const list = await (await browser.get(`${BASE}/vragen`)).text();
      assert.ok(list.includes(own.questionReference), "own question listed");
      assert.ok(!list.includes(other.questionReference), "another resident's question not listed");
      assert.equal((await browser.get(`${BASE}/vragen/${own.questionId}`)).status, 200);
      assert.equal((await browser.get(`${BASE}/vragen/${other.questionId}`)).status, 404);

      const [identifier] = await database.query<{ verification: string; verified_at: Date | null }>(
        "SELECT verification, verified_at FROM party_identifiers WHERE kind = 'bsn' AND value = $1",
        [PIETER_BSN],
      );
      assert.equal(identifier?.verification, "login");
      assert.ok(identifier?.verified_at);
      const [login] = await database.query<{ details: { verifiedBy: string }; purpose: string }>(
        "SELECT details, purpose FROM audit_events WHERE action = 'portal.login.oidc'",
      );
      assert.equal(login?.details.verifiedBy, `DigiD via ${provider.issuer}`);
      assert.equal(login?.purpose, "resident-self-service");
    });

    it("finds the same resident on a second login with the same BSN", async () => {
      await logInWithDigid(SANNE_BSN);
      const [first] = await partyOfBsn(SANNE_BSN);
      await logInWithDigid(SANNE_BSN, portalBrowser(world.app, "192.0.2.61"));
      const parties = await partyOfBsn(SANNE_BSN);
      assert.deepEqual(parties, [first]);
      const [party] = await database.query<{ identity_level: string }>(
        "SELECT identity_level FROM parties WHERE id = $1",
        [first],
      );
      assert.equal(party?.identity_level, "verified");
    });

    it("refuses a tampered state without a session", async () => {
      const browser = portalBrowser(world.app, "192.0.2.62");
      const callback = await provider.logInAs(await startDigid(browser), KEES_BSN);
      const genuine = new URL(callback);
      callback.searchParams.set("state", "aangepast");
      const refused = await comeBack(browser, callback);
      assert.equal(refused.status, 400);
      const page = await refused.text();
      assert.match(page, /Inloggen met DigiD is niet gelukt/);
      assert.ok(page.includes(`href="${BASE}/inloggen"`), "a way back to the code login");
      assert.ok(!refused.headers.getSetCookie().some((c) => /^omniloket_portal=[^;]/.test(c)));
      assert.deepEqual(await partyOfBsn(KEES_BSN), []);
      // The checks were single use: the genuine answer is refused after that too.
      const replay = await comeBack(browser, genuine);
      assert.equal(replay.status, 400);
      assert.deepEqual(await partyOfBsn(KEES_BSN), []);
      assert.equal((await browser.get(`${BASE}/vragen`)).status, 303, "no session");
    });

    it("says so in Dutch when the resident cancels at the provider", async () => {
      const browser = portalBrowser(world.app, "192.0.2.63");
      const callback = await provider.cancel(await startDigid(browser));
      assert.equal(callback.searchParams.get("error"), "access_denied");
      const page = await comeBack(browser, callback);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /U heeft het inloggen met DigiD afgebroken/);
      assert.ok(html.includes(`href="${BASE}/inloggen"`));
      assert.equal((await browser.get(`${BASE}/vragen`)).status, 303, "no session");
    });

    it("joins the records proved by code only after the resident confirms", async () => {
      const email = "marie@digidstad.test";
      const earlier = await world.ingest({
        channel: "email",
        subject: "Lantaarnpaal kapot",
        text: "De lantaarnpaal voor mijn huis doet het niet.",
        sender: { identifiers: [{ kind: "email", value: email }] },
      });
      const browser = await logIn(world, email, "192.0.2.64");
      const [addressParty] = (
        await database.query<{ party_id: string }>(
          "SELECT party_id FROM party_identifiers WHERE kind = 'email' AND value = $1",
          [email],
        )
      ).map((row) => row.party_id);
      const bsn = "100000009";

      const { done } = await logInWithDigid(bsn, browser);
      assert.equal(done.headers.get("location"), `${BASE}/koppelen`);
      const [verifiedParty] = await partyOfBsn(bsn);
      assert.ok(verifiedParty && verifiedParty !== addressParty);

      // Not joined yet: the DigiD session does not show the address's question.
      const before = await (await browser.get(`${BASE}/vragen`)).text();
      assert.ok(!before.includes(earlier.questionReference));
      const offer = await browser.get(`${BASE}/koppelen`);
      assert.equal(offer.status, 200);
      const offerPage = await offer.text();
      assert.ok(offerPage.includes(email), "shows the address");
      assert.ok(offerPage.includes(earlier.questionReference), "shows the question");
      assert.match(offerPage, /Ja, koppel mijn gegevens/);
      const csrf = hiddenField(offerPage, "_csrf");

      const forged = await browser.post(`${BASE}/koppelen`, { _csrf: "vals", keuze: "koppelen" });
      assert.equal(forged.status, 403);
      const crossSite = await browser.post(
        `${BASE}/koppelen`,
        { _csrf: csrf, keuze: "koppelen" },
        { "sec-fetch-site": "cross-site" },
      );
      assert.equal(crossSite.status, 403);
      const merges = async () =>
        database.query<{ kind: string; surviving_party_id: string; merged_party_id: string }>(
          "SELECT kind, surviving_party_id, merged_party_id FROM party_merges WHERE merged_party_id = $1",
          [addressParty],
        );
      assert.deepEqual(await merges(), []);

      const confirmed = await browser.post(`${BASE}/koppelen`, { _csrf: csrf, keuze: "koppelen" });
      assert.equal(confirmed.status, 200);
      assert.match(await confirmed.text(), /Uw gegevens zijn gekoppeld/);
      assert.deepEqual(await merges(), [
        { kind: "join-verified", surviving_party_id: verifiedParty, merged_party_id: addressParty },
      ]);
      const afterJoin = await (await browser.get(`${BASE}/vragen`)).text();
      assert.ok(afterJoin.includes(earlier.questionReference), "the address's question is theirs now");
      assert.equal((await browser.get(`${BASE}/vragen/${earlier.questionId}`)).status, 200);

      const audit = await database.query<{ action: string; actor_type: string; party_ids: string[] }>(
        "SELECT action, actor_type, party_ids FROM audit_events WHERE action IN ('portal.join.preview', 'portal.join.confirmed', 'party.join-verified') ORDER BY at",
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ["portal.join.preview", "party.join-verified", "portal.join.confirmed"],
      );
      assert.ok(audit.every((a) => a.party_ids.includes(addressParty ?? "")));
      // The offer is spent.
      assert.match(await (await browser.get(`${BASE}/koppelen`)).text(), /Er is niets om te koppelen/);
    });

    it("joins nothing when the resident declines", async () => {
      const email = "joost@digidstad.test";
      await world.ingest({
        channel: "email",
        text: "Mijn container is niet geleegd.",
        sender: { identifiers: [{ kind: "email", value: email }] },
      });
      const browser = await logIn(world, email, "192.0.2.65");
      const bsn = "100000010";
      const { done } = await logInWithDigid(bsn, browser);
      assert.equal(done.headers.get("location"), `${BASE}/koppelen`);
      const csrf = hiddenField(await (await browser.get(`${BASE}/koppelen`)).text(), "_csrf");
      const declined = await browser.post(`${BASE}/koppelen`, { _csrf: csrf, keuze: "niet" });
      assert.equal(declined.status, 200);
      assert.match(await declined.text(), /We hebben niets gekoppeld/);
      const [verifiedParty] = await partyOfBsn(bsn);
      const joined = await database.query("SELECT id FROM party_merges WHERE surviving_party_id = $1", [
        verifiedParty,
      ]);
      assert.equal(joined.length, 0);
    });

    it("links an email address proved by code on 'Koppel uw e-mailadres', after confirmation", async () => {
      const email = "fatima@digidstad.test";
      const earlier = await world.ingest({
        channel: "email",
        subject: "Parkeervergunning",
        text: "Wanneer krijg ik mijn vergunning?",
        sender: { identifiers: [{ kind: "email", value: email }] },
      });
      const bsn = "100000022";
      const { browser, done } = await logInWithDigid(bsn, portalBrowser(world.app, "192.0.2.66"));
      assert.equal(done.headers.get("location"), `${BASE}/vragen`);
      const nothing = await (await browser.get(`${BASE}/koppelen`)).text();
      assert.ok(nothing.includes(`href="${BASE}/koppelen/adres"`), "offers to link an address");

      const form = await (await browser.get(`${BASE}/koppelen/adres`)).text();
      assert.match(form, /Koppel uw e-mailadres/);
      const csrf = hiddenField(form, "_csrf");
      const sent = await browser.post(`${BASE}/koppelen/adres`, { _csrf: csrf, email: ` ${email} ` });
      assert.equal(sent.status, 303, await sent.clone().text());
      assert.equal(sent.headers.get("location"), `${BASE}/koppelen/code`);
      const code = await world.codeFor(email);
      const wrong = await browser.post(`${BASE}/koppelen/code`, {
        _csrf: csrf,
        code: code === "000000" ? "111111" : "000000",
      });
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /Deze code klopt niet/);
      const proved = await browser.post(`${BASE}/koppelen/code`, { _csrf: csrf, code });
      assert.equal(proved.status, 303, await proved.clone().text());
      assert.equal(proved.headers.get("location"), `${BASE}/koppelen`);

      // Still logged in with DigiD, and nothing joined yet.
      const before = await (await browser.get(`${BASE}/vragen`)).text();
      assert.ok(!before.includes(earlier.questionReference));
      const offer = await (await browser.get(`${BASE}/koppelen`)).text();
      assert.ok(offer.includes(email) && offer.includes(earlier.questionReference));
      const joined = await browser.post(`${BASE}/koppelen`, { _csrf: csrf, keuze: "koppelen" });
      assert.match(await joined.text(), /Uw gegevens zijn gekoppeld/);
      const afterJoin = await (await browser.get(`${BASE}/vragen`)).text();
      assert.ok(afterJoin.includes(earlier.questionReference));
      const [identifier] = await database.query<{ party_id: string; verification: string }>(
        "SELECT party_id, verification FROM party_identifiers WHERE kind = 'email' AND value = $1",
        [email],
      );
      assert.deepEqual(identifier, { party_id: (await partyOfBsn(bsn))[0], verification: "code" });
    });

    it("shows a Dutch page, not a stack trace, when the provider cannot be reached", async () => {
      const down = await portalWorld(
        database,
        "digid-down",
        {},
        {
          publicUrl: PUBLIC_URL,
          oidc: { issuer: "http://127.0.0.1:9", clientId: "x", clientSecret: "y", bsnClaim: "sub" },
        },
      );
      try {
        const response = await portalBrowser(down.app).get("/mijn/digid-down/inloggen/digid");
        assert.equal(response.status, 503);
        const html = await response.text();
        assert.match(html, /DigiD is op dit moment niet bereikbaar/);
        assert.ok(html.includes('href="/mijn/digid-down/inloggen"'));
        assert.ok(!/Error|at \w+ \(/.test(html), "no stack trace");
      } finally {
        await down.smtp.close();
      }
    });
  });
}
