import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { ingestInteraction } from "../../features/ingest";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { configureChannels, rowCounts, TEST_SMS } from "../fake-provider/channel-test-tenant";
import { toIngest } from "../to-ingest";
import { twilioSignature } from "./twilio-signature";

const base = "http://localhost";
const resident = "+31612345678";

function smsParams(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    MessageSid: "SM0001",
    AccountSid: TEST_SMS.accountSid,
    From: resident,
    To: TEST_SMS.from,
    Body: "Wanneer wordt het grofvuil opgehaald?",
    NumMedia: "0",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

function post(app: App, path: string, params: Record<string, string>, signature?: string) {
  const entries = Object.entries(params);
  return app.request(`${base}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? twilioSignature(TEST_SMS.authToken, `${base}${path}`, entries),
    },
    body: new URLSearchParams(entries).toString(),
  });
}

for (const backend of testBackends()) {
  describe(`SMS channel, Twilio-compatible (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let app: App;

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, "sms");
      await configureChannels(database, tenant.tenantId, { sms: TEST_SMS });
      app = createApp(testDeps(database));
    });
    after(() => database.drop());

    it("lands a signed SMS in the resident's timeline, address-based by phone number", async () => {
      const response = await post(app, "/channels/sms/twilio", smsParams());
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type") ?? "", /text\/xml/);
      assert.match(await response.text(), /<Response\/>/);
      const rows = await database.query<{ text: string; level: string; tenant_id: string }>(
        `SELECT i.text, p.identity_level AS level, i.tenant_id
           FROM interactions i
           JOIN interaction_parties ip ON ip.interaction_id = i.id
           JOIN parties p ON p.id = ip.timeline_party_id
           JOIN party_identifiers pi ON pi.party_id = p.id
          WHERE i.channel = 'sms' AND i.external_id = 'SM0001' AND pi.kind = 'phone' AND pi.value = $1`,
        [resident],
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.text, "Wanneer wordt het grofvuil opgehaald?");
      assert.equal(rows[0]?.level, "address-based");
      assert.equal(rows[0]?.tenant_id, tenant.tenantId);
    });

    it("stores a repeated delivery of the same MessageSid once", async () => {
      const params = smsParams({ MessageSid: "SM-dup" });
      assert.equal((await post(app, "/channels/sms/twilio", params)).status, 200);
      const before = await rowCounts(database);
      assert.equal((await post(app, "/channels/sms/twilio", params)).status, 200);
      assert.deepEqual(await rowCounts(database), before);
    });

    it("refuses a bad or missing signature with 401 and writes nothing", async () => {
      const before = await rowCounts(database);
      const bad = await post(app, "/channels/sms/twilio", smsParams({ MessageSid: "SM-bad" }), "AAAA");
      assert.equal(bad.status, 401);
      assert.match(bad.headers.get("content-type") ?? "", /application\/problem\+json/);
      const tampered = smsParams({ MessageSid: "SM-bad" });
      const signature = twilioSignature(
        TEST_SMS.authToken,
        `${base}/channels/sms/twilio`,
        Object.entries(tampered),
      );
      tampered.Body = "Iets anders";
      assert.equal((await post(app, "/channels/sms/twilio", tampered, signature)).status, 401);
      const missing = await app.request(`${base}/channels/sms/twilio`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(smsParams({ MessageSid: "SM-bad" })).toString(),
      });
      assert.equal(missing.status, 401);
      assert.deepEqual(await rowCounts(database), before);
    });

    it("accepts a signature over the public URL a reverse proxy reports", async () => {
      const params = Object.entries(smsParams({ MessageSid: "SM-proxy" }));
      const signature = twilioSignature(
        TEST_SMS.authToken,
        "https://loket.example.nl/channels/sms/twilio",
        params,
      );
      const response = await app.request("http://10.0.0.5:8080/channels/sms/twilio", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-proto": "https",
          "x-forwarded-host": "loket.example.nl",
          "x-twilio-signature": signature,
        },
        body: new URLSearchParams(params).toString(),
      });
      assert.equal(response.status, 200);
    });

    for (const field of ["From", "Body", "MessageSid"]) {
      it(`answers 400 naming ${field} when it is missing, and writes nothing`, async () => {
        const before = await rowCounts(database);
        const response = await post(app, "/channels/sms/twilio", smsParams({ [field]: undefined }));
        assert.equal(response.status, 400);
        const problem = (await response.json()) as { invalidParams: Array<{ name: string }>; detail: string };
        assert.deepEqual(
          problem.invalidParams.map((p) => p.name),
          [field],
        );
        assert.match(problem.detail, /ontbreekt/);
        assert.deepEqual(await rowCounts(database), before);
      });
    }

    it("answers 404 for a number no municipality uses, and 415 for JSON", async () => {
      const response = await post(app, "/channels/sms/twilio", smsParams({ To: "+3197099999999" }));
      assert.equal(response.status, 404);
      const json = await app.request(`${base}/channels/sms/twilio`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      assert.equal(json.status, 415);
    });

    it("updates the delivery status of our outbound SMS from status callbacks", async () => {
      const deps = testDeps(database);
      await ingestInteraction(deps, {
        tenantId: tenant.tenantId,
        interaction: toIngest({
          channel: "sms",
          direction: "outbound",
          externalId: "SM-out-1",
          text: "Uw grofvuil wordt dinsdag opgehaald.",
          sender: { identifiers: [{ kind: "phone", value: resident }] },
        }),
      });
      const status = async () =>
        (
          await database.query<{ delivery_status: string | null; delivery_error: string | null }>(
            "SELECT delivery_status, delivery_error FROM interactions WHERE external_id = 'SM-out-1'",
          )
        )[0];
      const callback = (MessageStatus: string, extra: Record<string, string> = {}) =>
        post(app, "/channels/sms/twilio/status", {
          MessageSid: "SM-out-1",
          MessageStatus,
          From: TEST_SMS.from,
          To: resident,
          AccountSid: TEST_SMS.accountSid,
          ...extra,
        });

      assert.equal((await callback("sent")).status, 204);
      assert.equal((await status())?.delivery_status, "sent");
      assert.equal((await callback("delivered")).status, 204);
      assert.equal((await status())?.delivery_status, "delivered");
      assert.equal((await callback("queued")).status, 204);
      assert.equal((await status())?.delivery_status, "delivered");
      const tasksBefore = (await rowCounts(database)).tasks ?? 0;
      assert.equal((await callback("undelivered", { ErrorCode: "30003" })).status, 204);
      assert.deepEqual(await status(), {
        delivery_status: "failed",
        delivery_error: "Twilio-foutcode 30003",
      });
      assert.equal((await rowCounts(database)).tasks, tasksBefore + 1);
    });

    it("refuses an unsigned status callback and one with an unknown status", async () => {
      const params = { MessageSid: "SM-out-1", MessageStatus: "read", From: TEST_SMS.from };
      assert.equal((await post(app, "/channels/sms/twilio/status", params, "nope")).status, 401);
      const odd = await post(app, "/channels/sms/twilio/status", { ...params, MessageStatus: "exploded" });
      assert.equal(odd.status, 400);
      const problem = (await odd.json()) as { invalidParams: Array<{ name: string }> };
      assert.equal(problem.invalidParams[0]?.name, "MessageStatus");
    });
  });
}
