import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { ingestInteraction } from "../../features/ingest";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { configureChannels, rowCounts, TEST_WHATSAPP } from "../fake-provider/channel-test-tenant";
import { toIngest } from "../to-ingest";
import { whatsappSignature } from "./whatsapp-signature";
import { whatsappText, whatsappWebhook } from "./whatsapp-test-payloads";

const waId = "31687654321";

function post(app: App, body: unknown, signature?: string) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return app.request("/channels/whatsapp", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256":
        signature ?? whatsappSignature(TEST_WHATSAPP.appSecret, new TextEncoder().encode(raw)),
    },
    body: raw,
  });
}

for (const backend of testBackends()) {
  describe(`WhatsApp channel, Cloud API-compatible (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let app: App;

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, "whatsapp");
      await configureChannels(database, tenant.tenantId, { whatsapp: TEST_WHATSAPP });
      app = createApp(testDeps(database));
    });
    after(() => database.drop());

    it("answers the subscription check only for a configured verify token", async () => {
      const ok = await app.request(
        `/channels/whatsapp?hub.mode=subscribe&hub.verify_token=${TEST_WHATSAPP.verifyToken}&hub.challenge=1158201444`,
      );
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), "1158201444");
      const wrong = await app.request(
        "/channels/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444",
      );
      assert.equal(wrong.status, 403);
      assert.match(wrong.headers.get("content-type") ?? "", /application\/problem\+json/);
      const mode = await app.request(
        `/channels/whatsapp?hub.mode=unsubscribe&hub.verify_token=${TEST_WHATSAPP.verifyToken}&hub.challenge=1`,
      );
      assert.equal(mode.status, 403);
    });

    it("lands a signed text message in the resident's timeline, address-based by WhatsApp number", async () => {
      const response = await post(app, whatsappText("wamid.A1", waId, "Mijn paspoort is verlopen, wat nu?"));
      assert.equal(response.status, 200);
      const rows = await database.query<{ text: string; level: string; occurred_at: Date }>(
        `SELECT i.text, p.identity_level AS level, i.occurred_at
           FROM interactions i
           JOIN interaction_parties ip ON ip.interaction_id = i.id
           JOIN parties p ON p.id = ip.timeline_party_id
           JOIN party_identifiers pi ON pi.party_id = p.id
          WHERE i.channel = 'whatsapp' AND i.external_id = 'wamid.A1' AND pi.kind = 'whatsapp' AND pi.value = $1`,
        [`+${waId}`],
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.text, "Mijn paspoort is verlopen, wat nu?");
      assert.equal(rows[0]?.level, "address-based");
      assert.equal(new Date(rows[0]?.occurred_at as Date).toISOString(), "2024-06-01T10:00:00.000Z");
    });

    it("records other message types with a Dutch placeholder", async () => {
      const body = whatsappWebhook({
        messages: [
          {
            from: waId,
            id: "wamid.IMG",
            timestamp: "1717236100",
            type: "image",
            image: { id: "m1", caption: "lantaarnpaal" },
          },
        ],
      });
      assert.equal((await post(app, body)).status, 200);
      const [row] = await database.query<{ text: string }>(
        "SELECT text FROM interactions WHERE external_id = 'wamid.IMG'",
      );
      assert.equal(row?.text, "[afbeelding ontvangen] lantaarnpaal");
    });

    it("stores a repeated delivery once", async () => {
      const body = whatsappText("wamid.DUP", waId, "Nog een vraag");
      assert.equal((await post(app, body)).status, 200);
      const before = await rowCounts(database);
      assert.equal((await post(app, body)).status, 200);
      assert.deepEqual(await rowCounts(database), before);
    });

    it("refuses a wrong or missing signature with 401 and writes nothing", async () => {
      const before = await rowCounts(database);
      const body = whatsappText("wamid.BAD", waId, "Niet van Meta");
      const wrong = whatsappSignature("another-secret", new TextEncoder().encode(JSON.stringify(body)));
      assert.equal((await post(app, body, wrong)).status, 401);
      assert.equal((await post(app, body, "sha256=")).status, 401);
      const unsigned = await app.request("/channels/whatsapp", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      assert.equal(unsigned.status, 401);
      assert.deepEqual(await rowCounts(database), before);
    });

    it("answers 400 naming the field for a malformed signed delivery, and writes nothing", async () => {
      const before = await rowCounts(database);
      const body = whatsappWebhook({
        messages: [
          { from: waId, id: "wamid.OK", timestamp: "1717236000", type: "text", text: { body: "a" } },
          { id: "wamid.NOFROM", timestamp: "1717236000", type: "text", text: { body: "b" } },
        ],
      });
      const response = await post(app, body);
      assert.equal(response.status, 400);
      const problem = (await response.json()) as { invalidParams: Array<{ name: string }> };
      assert.equal(problem.invalidParams[0]?.name, "entry.0.changes.0.value.messages.1.from");
      assert.equal((await post(app, "{not json")).status, 400);
      assert.deepEqual(await rowCounts(database), before);
    });

    it("updates the delivery status of our outbound message from status updates", async () => {
      await ingestInteraction(testDeps(database), {
        tenantId: tenant.tenantId,
        interaction: toIngest({
          channel: "whatsapp",
          direction: "outbound",
          externalId: "wamid.OUT1",
          text: "Uw afspraak staat vast.",
          sender: { identifiers: [{ kind: "whatsapp", value: `+${waId}` }] },
        }),
      });
      const statusOf = async () =>
        (
          await database.query<{ delivery_status: string | null }>(
            "SELECT delivery_status FROM interactions WHERE external_id = 'wamid.OUT1'",
          )
        )[0]?.delivery_status;
      const update = (status: string, extra: Record<string, unknown> = {}) =>
        post(
          app,
          whatsappWebhook({
            statuses: [{ id: "wamid.OUT1", status, timestamp: "1717236200", recipient_id: waId, ...extra }],
          }),
        );
      assert.equal((await update("delivered")).status, 200);
      assert.equal(await statusOf(), "delivered");
      assert.equal((await update("read")).status, 200);
      assert.equal(await statusOf(), "read");
      assert.equal((await update("sent")).status, 200);
      assert.equal(await statusOf(), "read");
      assert.equal(
        (await update("failed", { errors: [{ code: 131047, title: "Re-engagement message" }] })).status,
        200,
      );
      const [row] = await database.query<{ delivery_status: string; delivery_error: string }>(
        "SELECT delivery_status, delivery_error FROM interactions WHERE external_id = 'wamid.OUT1'",
      );
      assert.deepEqual(row, {
        delivery_status: "failed",
        delivery_error: "WhatsApp-foutcode 131047: Re-engagement message",
      });
    });
  });
}
