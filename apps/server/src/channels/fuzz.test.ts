import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import fc from "fast-check";
import { createApp } from "../app";
import type { App } from "../platform/http/types";
import { testBackends } from "../test-support/backends";
import { createTestTenant, testDeps } from "../test-support/harness";
import { configureChannels, rowCounts, TEST_SMS, TEST_WHATSAPP } from "./fake-provider/channel-test-tenant";
import { ctiSignature } from "./phone/cti-signature";
import { twilioSignature } from "./sms/twilio-signature";
import { whatsappSignature } from "./whatsapp/whatsapp-signature";

const endpoints = [
  "/channels/sms/twilio",
  "/channels/sms/twilio/status",
  "/channels/whatsapp",
  "/channels/phone/cti",
] as const;
const CTI = { numbers: ["+31201234567"], ctiSecret: "cti-secret-for-fuzzing", ivrTopics: { "1": "afval" } };
const base = "http://localhost";

const bytes = fc.uint8Array({ maxLength: 2048 });
const jsonText = fc.json({ maxDepth: 4 });
const formPairs = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom("To", "From", "Body", "MessageSid", "MessageStatus", "SmsSid"), fc.string()),
    fc.oneof(fc.string(), fc.constantFrom(TEST_SMS.from, "+31612345678", "delivered", "")),
  ),
  { maxLength: 8 },
);
const contentTypes = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=x",
  "",
);

/** Random bodies, sometimes signed with the right secret, must never break the server or write a row. */
for (const backend of [testBackends()[0]].filter((b) => b !== undefined)) {
  describe(`channel endpoints under random input (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;

    before(async () => {
      database = await backend.open();
      const tenant = await createTestTenant(database, "fuzz");
      await configureChannels(database, tenant.tenantId, {
        sms: TEST_SMS,
        whatsapp: TEST_WHATSAPP,
        phone: CTI,
      });
      app = createApp(testDeps(database));
    });
    after(() => database.drop());

    /** A refused request writes nothing; only an accepted, correctly signed one may store a contact. */
    async function check(
      path: string,
      body: Uint8Array,
      contentType: string,
      headers: Record<string, string>,
    ) {
      const before = await rowCounts(database);
      const response = await app.request(`${base}${path}`, {
        method: "POST",
        headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
        body,
      });
      assert.ok(response.status < 500, `${path} answered ${response.status}: ${await response.text()}`);
      const signed = Object.keys(headers).length > 0;
      if (response.status >= 300 || !signed) assert.deepEqual(await rowCounts(database), before);
    }

    it("random bytes, JSON and forms to every POST endpoint: never a 5xx, never a partial write", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...endpoints),
          fc.oneof(
            bytes,
            jsonText.map((t) => new TextEncoder().encode(t)),
            formPairs.map((p) => new TextEncoder().encode(new URLSearchParams(p).toString())),
          ),
          contentTypes,
          fc.boolean(),
          async (path, body, contentType, sign) => {
            const headers: Record<string, string> = {};
            if (sign && path === "/channels/phone/cti") {
              headers["x-omniloket-signature"] = ctiSignature(CTI.ctiSecret, body);
            } else if (sign && path === "/channels/whatsapp") {
              headers["x-hub-signature-256"] = whatsappSignature(TEST_WHATSAPP.appSecret, body);
            } else if (sign) {
              const params = [...new URLSearchParams(new TextDecoder().decode(body)).entries()];
              headers["x-twilio-signature"] = twilioSignature(TEST_SMS.authToken, `${base}${path}`, params);
            }
            await check(path, body, contentType, headers);
          },
        ),
        { numRuns: 150 },
      );
    });

    it("random signed WhatsApp shapes with our number: never a 5xx, never a row", async () => {
      const before = await rowCounts(database);
      const value = fc.record({
        metadata: fc.constant({ phone_number_id: TEST_WHATSAPP.phoneNumberId }),
        messages: fc.array(
          fc.dictionary(fc.constantFrom("from", "id", "timestamp", "type", "text"), fc.jsonValue()),
          {
            maxLength: 3,
          },
        ),
        statuses: fc.array(fc.dictionary(fc.constantFrom("id", "status", "errors"), fc.jsonValue()), {
          maxLength: 3,
        }),
      });
      await fc.assert(
        fc.asyncProperty(value, async (v) => {
          const raw = new TextEncoder().encode(
            JSON.stringify({
              object: "whatsapp_business_account",
              entry: [{ changes: [{ field: "messages", value: v }] }],
            }),
          );
          const response = await app.request(`${base}/channels/whatsapp`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-hub-signature-256": whatsappSignature(TEST_WHATSAPP.appSecret, raw),
            },
            body: raw,
          });
          assert.ok(response.status < 500, `answered ${response.status}: ${await response.text()}`);
        }),
        { numRuns: 100 },
      );
      // Random shapes almost never form a valid message; statuses for unknown ids are ignored.
      const after = await rowCounts(database);
      assert.equal(after.interactions, before.interactions);
    });

    it("random signed call events for our number: never a 5xx, and a refused one writes nothing", async () => {
      const event = fc.record({
        event: fc.oneof(fc.constantFrom("call.offered", "call.answered", "call.ended"), fc.string()),
        callId: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
        to: fc.constantFrom(CTI.numbers[0], "020 123 4567", "", "nummer"),
        from: fc.oneof(fc.constantFrom("0612345678", "+31611112222", "abc", ""), fc.constant(null)),
        ivrChoice: fc.oneof(fc.constantFrom("1", "9"), fc.string({ maxLength: 5 })),
        employeeEmail: fc.oneof(fc.constant("agent@fuzz.test"), fc.string()),
        durationSeconds: fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.string()),
        recordingUrl: fc.oneof(fc.webUrl(), fc.string()),
      });
      await fc.assert(
        fc.asyncProperty(event, async (e) => {
          const raw = new TextEncoder().encode(JSON.stringify(e));
          await check("/channels/phone/cti", raw, "application/json", {
            "x-omniloket-signature": ctiSignature(CTI.ctiSecret, raw),
          });
        }),
        { numRuns: 100 },
      );
    });
  });
}
