import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OutboundMessage } from "../../features/delivery";
import type { ChannelSettings } from "../../features/organisation";
import { createDemoMailbox, DEMO_MAILBOX_SIZE, demoMailboxFor } from "./demo-mailbox";

function message(n: number, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    idempotencyKey: `reply:${n}`,
    tenantId: "00000000-0000-4000-8000-000000000001",
    channel: "email",
    to: `inwoner${n}@voorbeeld.test`,
    subject: "Uw vraag over grofvuil",
    text: `Bericht ${n}`,
    language: "nld",
    questionReference: "VRG-1234",
    messageId: null,
    inReplyTo: [],
    template: null,
    ...overrides,
  };
}

const settings = {
  email: { from: "Gemeente Voorbeeldstad <contact@voorbeeldstad.test>" },
} as ChannelSettings;

describe("demo mailbox", () => {
  it("keeps what it is sent, newest first, and reports it delivered with a Message-ID", async () => {
    let now = Date.parse("2026-11-29T10:00:00Z");
    const mailbox = createDemoMailbox({ clock: () => new Date(now++) });
    const first = await mailbox.send(message(1), settings);
    await mailbox.send(message(2, { subject: null }), {} as ChannelSettings);
    const [newest, oldest] = mailbox.messages();
    assert.equal(mailbox.channel, "email");
    assert.equal(oldest?.to, "inwoner1@voorbeeld.test");
    assert.equal(oldest?.from, settings.email?.from);
    assert.equal(oldest?.subject, "Uw vraag over grofvuil (uw vraag VRG-1234)");
    assert.equal(oldest?.text, "Bericht 1");
    assert.equal(oldest?.messageId, first.providerMessageId);
    assert.match(first.providerMessageId, /^<[0-9a-f]{32}@voorbeeldstad\.test>$/);
    assert.equal(newest?.subject, "Uw vraag VRG-1234");
    assert.match(newest?.from ?? "", /demo/, "a municipality without a sender address still gets its mail");
    assert.ok((newest?.sentAt.getTime() ?? 0) > (oldest?.sentAt.getTime() ?? 0));
  });

  it(`keeps only the last ${DEMO_MAILBOX_SIZE} messages`, async () => {
    const mailbox = createDemoMailbox();
    for (let n = 1; n <= DEMO_MAILBOX_SIZE + 5; n++) await mailbox.send(message(n), settings);
    const kept = mailbox.messages();
    assert.equal(kept.length, DEMO_MAILBOX_SIZE);
    assert.equal(kept[0]?.text, `Bericht ${DEMO_MAILBOX_SIZE + 5}`);
    assert.equal(kept.at(-1)?.text, "Bericht 6");
  });

  it("exists only in demo mode without a relay", () => {
    assert.ok(demoMailboxFor({ smtpRelayUrl: null }, true));
    assert.equal(demoMailboxFor({ smtpRelayUrl: "smtp://127.0.0.1:25" }, true), null);
    assert.equal(demoMailboxFor({ smtpRelayUrl: null }, false), null);
    assert.equal(demoMailboxFor({ smtpRelayUrl: "smtp://127.0.0.1:25" }, false), null);
  });
});
