import type { OutboundMessage } from "../../features/delivery";

export function outboundMessage(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    idempotencyKey: "outbox-1",
    tenantId: "00000000-0000-4000-8000-000000000001",
    channel: "sms",
    to: "+31612345678",
    subject: null,
    text: "Uw vraag VB7-K3P is beantwoord.",
    language: "nld",
    questionReference: "VB7-K3P",
    messageId: null,
    inReplyTo: [],
    template: null,
    ...overrides,
  };
}
