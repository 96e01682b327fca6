import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SendError } from "../../features/delivery";
import { TEST_SMS } from "../fake-provider/channel-test-tenant";
import { type FakeProvider, startFakeProvider } from "../fake-provider/fake-provider";
import { outboundMessage } from "../fake-provider/outbound-message";
import { smsSender } from "./sms-sender";

describe("SMS sender against a fake Twilio", () => {
  let provider: FakeProvider;
  before(async () => {
    provider = await startFakeProvider();
  });
  after(() => provider.close());

  const settings = () => ({ sms: { ...TEST_SMS, baseUrl: provider.baseUrl } });

  it("posts To, From and Body form-encoded with basic auth and returns the sid", async () => {
    const result = await smsSender.send(outboundMessage(), settings());
    assert.match(result.providerMessageId, /^SM[0-9a-f]{32}$/);
    const request = provider.requests.at(-1);
    assert.equal(request?.path, `/2010-04-01/Accounts/${TEST_SMS.accountSid}/Messages.json`);
    assert.equal(request?.headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(
      request?.headers.authorization,
      `Basic ${Buffer.from(`${TEST_SMS.accountSid}:${TEST_SMS.authToken}`).toString("base64")}`,
    );
    const form = new URLSearchParams(request?.body);
    assert.equal(form.get("To"), "+31612345678");
    assert.equal(form.get("From"), TEST_SMS.from);
    assert.equal(form.get("Body"), "Uw vraag VB7-K3P is beantwoord.");
  });

  it("reports a 5xx as retryable and a 4xx as permanent", async () => {
    provider.failNext(500);
    await assert.rejects(smsSender.send(outboundMessage(), settings()), (e: unknown) => {
      assert.ok(e instanceof SendError);
      assert.equal(e.retryable, true);
      return true;
    });
    provider.failNext(400);
    await assert.rejects(smsSender.send(outboundMessage(), settings()), (e: unknown) => {
      assert.ok(e instanceof SendError);
      assert.equal(e.retryable, false);
      assert.match(e.message, /21211/);
      return true;
    });
  });

  it("reports an unreachable provider as retryable and a missing configuration as permanent", async () => {
    const closed = await startFakeProvider();
    const baseUrl = closed.baseUrl;
    await closed.close();
    await assert.rejects(
      smsSender.send(outboundMessage(), { sms: { ...TEST_SMS, baseUrl } }),
      (e: unknown) => e instanceof SendError && e.retryable,
    );
    await assert.rejects(
      smsSender.send(outboundMessage(), {}),
      (e: unknown) => e instanceof SendError && !e.retryable,
    );
  });
});
