import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  logInAsAdmin,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { type ChannelSender, deliverPendingMessages, type OutboundMessage, SendError } from "../delivery";

type Reply = {
  interactionId: string;
  channel: string;
  suggestedChannel: string | null;
  suggestionReason: string;
  overridden: boolean;
};

/** Stands in for a provider's API: records what it was asked to send, and fails on demand. */
function recordingSender(
  channel: "email" | "sms" | "whatsapp",
  fail?: () => Error | null,
): ChannelSender & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel,
    sent,
    async send(message) {
      const error = fail?.();
      if (error) throw error;
      sent.push(message);
      return { providerMessageId: message.messageId ?? `provider-${sent.length}` };
    },
  };
}

for (const backend of testBackends()) {
  describe(`replies go out on the channel the reply rule picks (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let app: App;
    let n = 0;
    const deps = () => testDeps(database);
    const ingest = async (body: Record<string, unknown>) =>
      (await (
        await system.post("/api/v1/interactions", {
          channel: "email",
          externalId: `r-${n++}`,
          text: "Vraag",
          topicId: "afval",
          ...body,
        })
      ).json()) as IngestResult;
    const reply = (questionId: string, body: Record<string, unknown>) =>
      agent.post(`/api/v1/questions/${questionId}/replies`, { text: "Ons antwoord", ...body });

    before(async () => {
      database = await backend.open();
      app = createApp(deps());
      tenant = await createTestTenant(database, "replies");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@replies.test");
    });
    after(() => database.drop());

    it("answers on the channel the resident used last, and delivers it once with our Message-ID", async () => {
      const contact = await ingest({
        externalId: "<vraag-1@voorbeeld.test>",
        sender: { identifiers: [{ kind: "email", value: "jan@voorbeeld.test" }] },
      });
      const response = await reply(contact.questionId, { subject: "Uw vraag" });
      assert.equal(response.status, 201);
      const body = (await response.json()) as Reply;
      assert.deepEqual([body.channel, body.suggestionReason, body.overridden], ["email", "last-used", false]);

      const email = recordingSender("email");
      const first = await deliverPendingMessages(deps(), { email });
      assert.deepEqual(first, { sent: 1, retried: 0, dead: 0 });
      const again = await deliverPendingMessages(deps(), { email });
      assert.deepEqual(again, { sent: 0, retried: 0, dead: 0 }, "a delivered message is never sent twice");
      const [message] = email.sent;
      assert.equal(message?.to, "jan@voorbeeld.test");
      assert.equal(message?.questionReference, contact.questionReference);
      assert.deepEqual(message?.inReplyTo, ["<vraag-1@voorbeeld.test>"]);
      const [row] = await database.query<{ delivery_status: string; external_id: string }>(
        "SELECT delivery_status, external_id FROM interactions WHERE id = $1",
        [body.interactionId],
      );
      assert.equal(row?.delivery_status, "sent");
      assert.equal(row?.external_id, message?.messageId);
    });

    it("answers in the resident's language", async () => {
      const contact = await ingest({
        language: "eng",
        text: "My bin was not emptied",
        sender: { identifiers: [{ kind: "email", value: "english@voorbeeld.test" }] },
      });
      const body = (await (
        await reply(contact.questionId, { text: "We will empty it today." })
      ).json()) as Reply;
      const [row] = await database.query<{ language: string }>(
        "SELECT language FROM interactions WHERE id = $1",
        [body.interactionId],
      );
      assert.equal(row?.language, "eng");
    });

    it("follows the resident's general preference, and records every suggestion", async () => {
      const contact = await ingest({
        sender: {
          identifiers: [
            { kind: "email", value: "fatma@voorbeeld.test" },
            { kind: "whatsapp", value: "+31612340001" },
          ],
        },
      });
      await ingest({
        channel: "whatsapp",
        questionId: contact.questionId,
        sender: { identifiers: [{ kind: "whatsapp", value: "+31612340001" }] },
      });
      await database.query(
        "INSERT INTO preferences (party_id, tenant_id, preferred_channel) VALUES ($1, $2, 'whatsapp')",
        [contact.partyId, tenant.tenantId],
      );
      const suggestion = (await (
        await agent.get(`/api/v1/questions/${contact.questionId}/reply-channel`)
      ).json()) as { channel: string; reason: string };
      assert.deepEqual([suggestion.channel, suggestion.reason], ["whatsapp", "general-preference"]);
      const body = (await (await reply(contact.questionId, {})).json()) as Reply;
      assert.equal(body.channel, "whatsapp");
      const [decision] = await database.query<{
        suggested_channel: string;
        chosen_channel: string;
        override_reason: string | null;
      }>(
        "SELECT suggested_channel, chosen_channel, override_reason FROM reply_decisions WHERE interaction_id = $1",
        [body.interactionId],
      );
      assert.deepEqual(decision, {
        suggested_channel: "whatsapp",
        chosen_channel: "whatsapp",
        override_reason: null,
      });
    });

    it("lets an employee deviate only with a recorded reason", async () => {
      const contact = await ingest({
        sender: {
          identifiers: [
            { kind: "email", value: "piet@voorbeeld.test" },
            { kind: "phone", value: "0612340002" },
          ],
        },
      });
      const withoutReason = await reply(contact.questionId, { channel: "sms" });
      assert.equal(withoutReason.status, 400);
      assert.equal(
        ((await withoutReason.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]?.name,
        "overrideReason",
      );
      const withReason = await reply(contact.questionId, {
        channel: "sms",
        overrideReason: "Inwoner vroeg aan de telefoon om een sms",
      });
      assert.equal(withReason.status, 201);
      const body = (await withReason.json()) as Reply;
      assert.equal(body.overridden, true);
      const [decision] = await database.query<{ override_reason: string }>(
        "SELECT override_reason FROM reply_decisions WHERE interaction_id = $1",
        [body.interactionId],
      );
      assert.equal(decision?.override_reason, "Inwoner vroeg aan de telefoon om een sms");
    });

    it("never answers digitally someone who chose no digital contact: a call-back task instead", async () => {
      const contact = await ingest({
        channel: "phone",
        sender: {
          identifiers: [
            { kind: "phone", value: "0201234567" },
            { kind: "email", value: "geen@voorbeeld.test" },
          ],
        },
      });
      await database.query(
        "INSERT INTO preferences (party_id, tenant_id, no_digital_contact) VALUES ($1, $2, true)",
        [contact.partyId, tenant.tenantId],
      );
      const body = (await (await reply(contact.questionId, {})).json()) as Reply;
      assert.equal(body.channel, "phone");
      const [task] = await database.query<{ kind: string; contact_address: string }>(
        "SELECT kind, contact_address FROM tasks WHERE cause_interaction_id = $1",
        [body.interactionId],
      );
      assert.deepEqual(task, { kind: "callback", contact_address: "+31201234567" });
      const digital = await reply(contact.questionId, { channel: "email", overrideReason: "sneller" });
      assert.equal(digital.status, 400);
    });

    it("respects WhatsApp's 24-hour window: free text only inside it", async () => {
      const old = new Date(Date.now() - 30 * 3_600_000).toISOString();
      const contact = await ingest({
        channel: "whatsapp",
        occurredAt: old,
        sender: {
          identifiers: [
            { kind: "whatsapp", value: "+31612340003" },
            { kind: "email", value: "wa@voorbeeld.test" },
          ],
        },
      });
      const closed = await reply(contact.questionId, {});
      assert.equal(closed.status, 409);
      assert.match(((await closed.json()) as { detail: string }).detail, /24 uur/);
      const template = await reply(contact.questionId, { template: "antwoord_op_uw_vraag" });
      assert.equal(template.status, 201);
    });

    it("retries with backoff, then puts the message on the dead-letter list and makes a task", async () => {
      // Deliver what earlier tests queued, so this test sees only its own message.
      await deliverPendingMessages(deps(), {
        email: recordingSender("email"),
        sms: recordingSender("sms"),
        whatsapp: recordingSender("whatsapp"),
      });
      const contact = await ingest({
        sender: { identifiers: [{ kind: "email", value: "stuk@voorbeeld.test" }] },
      });
      const body = (await (await reply(contact.questionId, {})).json()) as Reply;
      const email = recordingSender("email", () => new SendError("relay tijdelijk niet bereikbaar", true));
      let clock = Date.now();
      const at = () => new Date(clock);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const result = await deliverPendingMessages({ ...deps(), clock: at }, { email }, { maxAttempts: 3 });
        assert.equal(result.retried + result.dead, 1, `attempt ${attempt} is made`);
        const early = await deliverPendingMessages({ ...deps(), clock: at }, { email }, { maxAttempts: 3 });
        assert.equal(early.retried + early.dead + early.sent, 0, "nothing is retried before its time");
        clock += 3_600_000;
      }
      const [outbox] = await database.query<{ dead_at: Date | null; attempts: number; last_error: string }>(
        "SELECT dead_at, attempts, last_error FROM outbox WHERE type = 'message.send' AND payload->>'interactionId' = $1",
        [body.interactionId],
      );
      assert.ok(outbox?.dead_at, JSON.stringify(outbox));
      assert.equal(outbox?.attempts, 3);
      assert.match(outbox?.last_error ?? "", /relay/);
      const [interaction] = await database.query<{ delivery_status: string }>(
        "SELECT delivery_status FROM interactions WHERE id = $1",
        [body.interactionId],
      );
      assert.equal(interaction?.delivery_status, "failed");
      const tasks = await database.query("SELECT 1 FROM tasks WHERE cause_interaction_id = $1", [
        body.interactionId,
      ]);
      assert.equal(tasks.length, 1);
    });

    it("gives up at once on a permanent failure", async () => {
      const contact = await ingest({
        sender: { identifiers: [{ kind: "email", value: "onbekend@voorbeeld.test" }] },
      });
      await reply(contact.questionId, {});
      const email = recordingSender("email", () => new SendError("550 mailbox bestaat niet", false));
      const result = await deliverPendingMessages(deps(), { email });
      assert.equal(result.dead, 1);

      const admin = await logInAsAdmin(app, database, tenant.tenantId, "beheer@replies.test");
      const list = (await (await admin.get("/api/v1/admin/dead-letters")).json()) as {
        items: Array<{ id: string; lastError: string }>;
      };
      const dead = list.items.find((i) => i.lastError.includes("550"));
      assert.ok(dead, "admins see the dead letter with its reason");
      assert.equal((await agent.get("/api/v1/admin/dead-letters")).status, 403);
      assert.equal((await admin.post(`/api/v1/admin/dead-letters/${dead.id}/_retry`, {})).status, 200);
      const retried = await deliverPendingMessages(deps(), { email: recordingSender("email") });
      assert.equal(retried.sent, 1, "after the cause is fixed, a retry delivers it");
    });
  });
}
