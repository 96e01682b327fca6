import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { type OutboundMessage, SendError } from "../../features/delivery";
import { createEmailSender, subjectWithReference } from "./email-sender";

const settings = { email: { addresses: ["contact@mail.test"], from: "Gemeente Mail <contact@mail.test>" } };

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    idempotencyKey: "k-1",
    tenantId: "00000000-0000-0000-0000-000000000001",
    channel: "email",
    to: "els@voorbeeld.test",
    subject: "Re: Container niet geleegd",
    text: "Beste mevrouw De Wit,\n\nWe komen morgen <langs>.\nMet vriendelijke groet",
    language: "nld",
    questionReference: "V-ABC-DEF",
    messageId: "<out-7@mail.test>",
    inReplyTo: ["<first@voorbeeld.test>", "<second@voorbeeld.test>"],
    template: null,
    ...overrides,
  };
}

describe("email sender through an SMTP relay", () => {
  const received: Buffer[] = [];
  let rcptCode = 0;
  let relay: SMTPServer;
  let port = 0;

  before(async () => {
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(rcptCode ? Object.assign(new Error("nee"), { responseCode: rcptCode }) : null);
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    port = (relay.server.address() as { port: number }).port;
  });
  after(() => new Promise<void>((resolve) => relay.close(() => resolve())));

  it("sends text and HTML with our Message-ID, threading headers and language", async () => {
    const sender = createEmailSender(`smtp://127.0.0.1:${port}`);
    const result = await sender.send(message(), settings);
    sender.close();
    assert.equal(result.providerMessageId, "<out-7@mail.test>");
    const mail = await simpleParser(received.at(-1) ?? Buffer.alloc(0));
    assert.equal(mail.messageId, "<out-7@mail.test>");
    assert.equal(mail.inReplyTo, "<second@voorbeeld.test>");
    assert.deepEqual(mail.references, ["<first@voorbeeld.test>", "<second@voorbeeld.test>"]);
    assert.equal(mail.subject, "Re: Container niet geleegd (uw vraag V-ABC-DEF)");
    assert.equal(mail.headers.get("content-language"), "nl");
    assert.equal(mail.from?.value[0]?.address, "contact@mail.test");
    assert.match(mail.text ?? "", /We komen morgen <langs>\./);
    assert.match(String(mail.html), /<p>We komen morgen &#60;langs&#62;\.<br>/);
  });

  it("keeps a subject that already carries the reference", () => {
    assert.equal(subjectWithReference("Uw vraag V-ABC-DEF", "V-ABC-DEF"), "Uw vraag V-ABC-DEF");
    assert.equal(subjectWithReference(null, "V-ABC-DEF"), "Uw vraag V-ABC-DEF");
  });

  it("reports 5xx as permanent, 4xx and connection failures as retryable", async () => {
    const sender = createEmailSender(`smtp://127.0.0.1:${port}`);
    for (const [code, retryable] of [
      [550, false],
      [451, true],
    ] as const) {
      rcptCode = code;
      await assert.rejects(
        sender.send(message(), settings),
        (e: unknown) => e instanceof SendError && e.retryable === retryable,
      );
    }
    rcptCode = 0;
    sender.close();
    const down = createEmailSender("smtp://127.0.0.1:1");
    await assert.rejects(
      down.send(message(), settings),
      (e: unknown) => e instanceof SendError && e.retryable,
    );
    down.close();
    await assert.rejects(
      createEmailSender(`smtp://127.0.0.1:${port}`).send(message(), {}),
      (e: unknown) => e instanceof SendError && !e.retryable,
    );
  });
});
