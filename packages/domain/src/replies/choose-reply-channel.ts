import type { Channel } from "../channels";

/** Channels an answer can go out on: messages we send, or a task for a person (call back, post a letter). */
export const REPLY_CHANNELS = ["email", "sms", "whatsapp", "phone", "letter"] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

const digital: ReadonlySet<ReplyChannel> = new Set(["email", "sms", "whatsapp"]);

export type ReplyChannelReason =
  | "question-choice"
  | "topic-preference"
  | "general-preference"
  | "last-used"
  | "reachable"
  | "no-digital-contact";

export type ReplyChannelFacts = {
  /** What the resident chose for this question, if they did. */
  questionChoice: Channel | null;
  topicPreference: Channel | null;
  generalPreference: Channel | null;
  /** The channel of the resident's most recent contact on this question. */
  lastUsed: Channel | null;
  /** The resident asked for no digital contact at all. */
  noDigitalContact: boolean;
  /** Channels we hold an address for (email address, mobile number, WhatsApp number, postal address, phone). */
  reachable: readonly ReplyChannel[];
};

export type ReplyChannelChoice =
  | { channel: ReplyChannel; reason: ReplyChannelReason }
  | { channel: null; reason: "unreachable" };

/** A contact channel that cannot carry an answer itself is answered on its nearest reply channel. */
export function replyChannelFor(channel: Channel): ReplyChannel | null {
  switch (channel) {
    case "email":
    case "sms":
    case "whatsapp":
    case "phone":
    case "letter":
      return channel;
    case "webform":
    case "chat":
    case "portal":
    case "api":
      return "email";
    case "counter":
      return "phone";
  }
}

/**
 * The reply rule (issue 3): the resident's choice for this question, else their preference for the
 * topic, else their general preference, else the channel they used last; only channels we can reach,
 * and never a digital one for someone who chose no digital contact.
 */
export function chooseReplyChannel(facts: ReplyChannelFacts): ReplyChannelChoice {
  const allowed = (channel: ReplyChannel) =>
    facts.reachable.includes(channel) && !(facts.noDigitalContact && digital.has(channel));
  const candidates: Array<[Channel | null, ReplyChannelReason]> = [
    [facts.questionChoice, "question-choice"],
    [facts.topicPreference, "topic-preference"],
    [facts.generalPreference, "general-preference"],
    [facts.lastUsed, "last-used"],
  ];
  for (const [channel, reason] of candidates) {
    const reply = channel === null ? null : replyChannelFor(channel);
    if (reply !== null && allowed(reply)) return { channel: reply, reason };
  }
  const fallbackOrder: ReplyChannel[] = facts.noDigitalContact
    ? ["phone", "letter"]
    : ["email", "whatsapp", "sms", "phone", "letter"];
  const fallback = fallbackOrder.find(allowed);
  if (!fallback) return { channel: null, reason: "unreachable" };
  return { channel: fallback, reason: facts.noDigitalContact ? "no-digital-contact" : "reachable" };
}

export function isDigitalReplyChannel(channel: ReplyChannel): boolean {
  return digital.has(channel);
}
