import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import nodemailer from "nodemailer";
import { createApp } from "../app";
import { type ChannelSender, deliverPendingMessages, type OutboundMessage } from "../features/delivery";
import type { AppDeps } from "../platform/deps";
import type { App } from "../platform/http/types";
import { testBackends } from "../test-support/backends";
import { type Client, createTestTenant, logInAs, type TestTenant, testDeps } from "../test-support/harness";
import { type RunningSmtpInbound, startSmtpInbound } from "./email";
import { configureChannels, TEST_WHATSAPP } from "./fake-provider/channel-test-tenant";
import { ctiSignature } from "./phone";
import { whatsappSignature } from "./whatsapp";
import { whatsappText } from "./whatsapp/whatsapp-test-payloads";

const base = "http://localhost";
const TOWN_HALL = "gemeente@e2e.test";
const OUR_NUMBER = "+31201112233";
const CTI_SECRET = "cti-e2e-geheim";

/** Stands in for a provider's send API: records what went out on its channel. */
function recordingSender(channel: "email" | "whatsapp" | "sms"): ChannelSender & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel,
    sent,
    async send(message) {
      sent.push(message);
      return { providerMessageId: message.messageId ?? `${channel}-${sent.length}` };
    },
  };
}

for (const backend of testBackends()) {
  describe(`one resident, five channels, one question (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let deps: AppDeps;
    let app: App;
    let tenant: TestTenant;
    let agent: Client;
    let smtp: RunningSmtpInbound;

    before(async () => {
      database = await backend.open();
      deps = testDeps(database);
      app = createApp(deps);
      tenant = await createTestTenant(database, "e2e");
      await configureChannels(database, tenant.tenantId, {
        email: { addresses: [TOWN_HALL], from: `Gemeente E2E <${TOWN_HALL}>` },
        whatsapp: TEST_WHATSAPP,
        phone: { numbers: [OUR_NUMBER], ctiSecret: CTI_SECRET, ivrTopics: { "2": "belastingen" } },
      });
      agent = await logInAs(app, "agent@e2e.test");
      smtp = await startSmtpInbound(deps, { port: 0, host: "127.0.0.1" });
    });
    after(async () => {
      await smtp.close();
      await database.drop();
    });

    it("web form, email reply, WhatsApp with the reference, a call and a counter visit land in one question; the reply follows the rule", async () => {
      // 1. Web form, with email address and mobile number.
      const page = await (await app.request(`${base}/formulieren/e2e/vraag-over-belastingen`)).text();
      const token = /name="_token" value="([^"]+)"/.exec(page)?.[1] ?? "";
      const submitted = await app.request(`${base}/formulieren/e2e/vraag-over-belastingen`, {
        method: "POST",
        headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          _token: token,
          vraag: "Waarom is mijn aanslag hoger dan vorig jaar?",
          voornaam: "Jan",
          achternaam: "de Vries",
          "e-mailadres": "jan@example.nl",
          telefoonnummer: "06 1234 5678",
        }),
      });
      assert.equal(submitted.status, 303);
      const [question] = await database.query<{ id: string; reference: string; resident_party_id: string }>(
        "SELECT id, reference, resident_party_id FROM questions WHERE tenant_id = $1",
        [tenant.tenantId],
      );
      assert.ok(question);
      const email = recordingSender("email");
      const whatsapp = recordingSender("whatsapp");
      await deliverPendingMessages(deps, { email, whatsapp });
      const confirmation = email.sent[0];
      assert.ok(confirmation?.messageId, "the confirmation email carries our Message-ID");

      // 2. The resident answers the confirmation email (real SMTP to the built-in server).
      const mailer = nodemailer.createTransport({
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
      });
      await mailer.sendMail({
        from: "Jan de Vries <jan@example.nl>",
        to: TOWN_HALL,
        subject: `Re: ${confirmation.subject ?? ""}`,
        text: "Ik heb nog een foto van de aanslag gevonden.\n\nOp 1 maart schreef de gemeente:\n> Wij hebben uw vraag ontvangen.",
        inReplyTo: confirmation.messageId ?? undefined,
        references: confirmation.messageId ?? undefined,
      });
      mailer.close();

      // 3. WhatsApp from the same mobile number, quoting the reference.
      const wa = JSON.stringify(
        whatsappText(
          "wamid.e2e-1",
          "31612345678",
          `Hoe staat het met ${question.reference}?`,
          String(Math.floor(Date.now() / 1000)),
        ),
      );
      const waResponse = await app.request(`${base}/channels/whatsapp`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": whatsappSignature(TEST_WHATSAPP.appSecret, Buffer.from(wa)),
        },
        body: wa,
      });
      assert.equal(waResponse.status, 200);

      // 4. A call from that number via the IVR's taxes choice: offered as a suggestion, linked by the agent.
      const cti = JSON.stringify({
        event: "call.offered",
        callId: "e2e-call",
        to: OUR_NUMBER,
        from: "0612345678",
        ivrChoice: "2",
      });
      const call = await app.request(`${base}/channels/phone/cti`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-omniloket-signature": ctiSignature(CTI_SECRET, Buffer.from(cti)),
        },
        body: cti,
      });
      assert.equal(call.status, 200);
      const { interactionId: callId } = (await call.json()) as { interactionId: string };
      const [suggestion] = await database.query<{ id: string; question_id: string }>(
        "SELECT id, question_id FROM threading_suggestions WHERE interaction_id = $1",
        [callId],
      );
      assert.equal(suggestion?.question_id, question.id, "the open tax question is offered, not forced");
      const linked = await agent.post(`/api/v1/threading-suggestions/${suggestion?.id}/_decide`, {
        decision: "accept",
        reason: "Beller noemde het kenmerk",
      });
      assert.equal(linked.status, 200);

      // 5. A counter visit, registered by staff on the question.
      const visit = await agent.post("/api/v1/counter-visits", {
        resident: { identifiers: [{ kind: "email", value: "jan@example.nl" }] },
        text: "Komt de aanslag brengen.",
        questionId: question.id,
      });
      assert.equal(visit.status, 201);

      // One question, five contacts on five channels, all in Jan's timeline.
      const view = (await (await agent.get(`/api/v1/questions/${question.id}`)).json()) as {
        interactions: Array<{ channel: string; direction: string }>;
      };
      const inbound = view.interactions.filter((i) => i.direction === "inbound").map((i) => i.channel);
      // Mail and WhatsApp carry their own send time (to the second), so compare the set, not the order.
      assert.deepEqual([...inbound].sort(), ["counter", "email", "phone", "webform", "whatsapp"]);
      const timeline = (await (
        await agent.get(`/api/v1/residents/${question.resident_party_id}/timeline`)
      ).json()) as {
        items: Array<{ kind: string; channel?: string; question?: { id: string } }>;
      };
      const contacts = timeline.items.filter(
        (i) => i.kind === "interaction" && i.question?.id === question.id,
      );
      assert.deepEqual(
        new Set(contacts.map((c) => c.channel)),
        new Set(["webform", "email", "whatsapp", "phone", "counter"]),
      );
      const questions = await database.query(
        "SELECT 1 FROM questions WHERE tenant_id = $1 AND merged_into_id IS NULL",
        [tenant.tenantId],
      );
      assert.equal(questions.length, 1, "no stray questions were left behind");

      // The reply goes out on the channel the rule picks: Jan prefers WhatsApp, and its window is open.
      await database.query(
        "INSERT INTO preferences (party_id, tenant_id, preferred_channel) VALUES ($1, $2, 'whatsapp')",
        [question.resident_party_id, tenant.tenantId],
      );
      const reply = (await (
        await agent.post(`/api/v1/questions/${question.id}/replies`, {
          text: "Uw aanslag is juist; de WOZ-waarde steeg.",
        })
      ).json()) as {
        channel: string;
        suggestionReason: string;
      };
      assert.deepEqual([reply.channel, reply.suggestionReason], ["whatsapp", "general-preference"]);
      await deliverPendingMessages(deps, { email, whatsapp });
      assert.equal(whatsapp.sent.length, 1);
      assert.equal(whatsapp.sent[0]?.to, "+31612345678");
    });
  });
}
