import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SendError } from "../../features/delivery";
import { TEST_WHATSAPP } from "../fake-provider/channel-test-tenant";
import { type FakeProvider, startFakeProvider } from "../fake-provider/fake-provider";
import { outboundMessage } from "../fake-provider/outbound-message";
import { whatsappSender } from "./whatsapp-sender";

describe("WhatsApp sender against a fake Cloud API", () => {
  let provider: FakeProvider;
  before(async () => {
    provider = await startFakeProvider();
  });
  after(() => provider.close());

  const settings = () => ({ whatsapp: { ...TEST_WHATSAPP, baseUrl: provider.baseUrl } });
  const message = outboundMessage({ channel: "whatsapp", to: "+31687654321" });

  it("posts a text message with a bearer token and returns the message id", async () => {
    const result = await whatsappSender.send(message, settings());
    assert.match(result.providerMessageId, /^wamid\./);
    const request = provider.requests.at(-1);
    assert.equal(request?.path, `/v20.0/${TEST_WHATSAPP.phoneNumberId}/messages`);
    assert.equal(request?.headers.authorization, `Bearer ${TEST_WHATSAPP.accessToken}`);
    assert.deepEqual(JSON.parse(request?.body ?? ""), {
      messaging_product: "whatsapp",
      to: "31687654321",
      type: "text",
      text: { body: "Uw vraag VB7-K3P is beantwoord." },
    });
  });

  it("sends an approved template when the message carries one, and refuses an unapproved one", async () => {
    await whatsappSender.send({ ...message, template: "antwoord_klaar" }, settings());
    assert.deepEqual(JSON.parse(provider.requests.at(-1)?.body ?? ""), {
      messaging_product: "whatsapp",
      to: "31687654321",
      type: "template",
      template: { name: "antwoord_klaar", language: { code: "nl" } },
    });
    const count = provider.requests.length;
    await assert.rejects(
      whatsappSender.send({ ...message, template: "reclame" }, settings()),
      (e: unknown) => e instanceof SendError && !e.retryable,
    );
    assert.equal(provider.requests.length, count);
  });

  it("reports a 5xx as retryable and a 4xx as permanent", async () => {
    provider.failNext(503);
    await assert.rejects(
      whatsappSender.send(message, settings()),
      (e: unknown) => e instanceof SendError && e.retryable,
    );
    provider.failNext(400);
    await assert.rejects(whatsappSender.send(message, settings()), (e: unknown) => {
      assert.ok(e instanceof SendError);
      assert.equal(e.retryable, false);
      assert.match(e.message, /131026/);
      return true;
    });
    const ok = await whatsappSender.send(message, settings());
    assert.match(ok.providerMessageId, /^wamid\./);
  });
});
