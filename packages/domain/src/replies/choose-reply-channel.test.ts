import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CHANNELS } from "../channels";
import {
  chooseReplyChannel,
  isDigitalReplyChannel,
  REPLY_CHANNELS,
  type ReplyChannelFacts,
} from "./choose-reply-channel";

const none: ReplyChannelFacts = {
  questionChoice: null,
  topicPreference: null,
  generalPreference: null,
  lastUsed: null,
  noDigitalContact: false,
  reachable: ["email", "sms", "whatsapp", "phone", "letter"],
};

describe("the reply rule", () => {
  it("follows the question's choice, then the topic, then the general preference, then the last channel", () => {
    const facts = {
      ...none,
      questionChoice: "whatsapp",
      topicPreference: "email",
      generalPreference: "sms",
      lastUsed: "phone",
    } as const;
    assert.deepEqual(chooseReplyChannel(facts), { channel: "whatsapp", reason: "question-choice" });
    assert.deepEqual(chooseReplyChannel({ ...facts, questionChoice: null }), {
      channel: "email",
      reason: "topic-preference",
    });
    assert.deepEqual(chooseReplyChannel({ ...facts, questionChoice: null, topicPreference: null }), {
      channel: "sms",
      reason: "general-preference",
    });
    assert.deepEqual(
      chooseReplyChannel({ ...facts, questionChoice: null, topicPreference: null, generalPreference: null }),
      { channel: "phone", reason: "last-used" },
    );
  });

  it("answers a web form or chat by email, and a counter visit by phone", () => {
    assert.equal(chooseReplyChannel({ ...none, lastUsed: "webform" }).channel, "email");
    assert.equal(chooseReplyChannel({ ...none, lastUsed: "counter" }).channel, "phone");
  });

  it("skips a preferred channel we cannot reach", () => {
    assert.deepEqual(
      chooseReplyChannel({ ...none, generalPreference: "whatsapp", lastUsed: "email", reachable: ["email"] }),
      {
        channel: "email",
        reason: "last-used",
      },
    );
    assert.deepEqual(chooseReplyChannel({ ...none, reachable: [] }), {
      channel: null,
      reason: "unreachable",
    });
  });

  it("never answers digitally someone who chose no digital contact", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, ...CHANNELS),
        fc.constantFrom(null, ...CHANNELS),
        fc.constantFrom(null, ...CHANNELS),
        fc.constantFrom(null, ...CHANNELS),
        fc.subarray([...REPLY_CHANNELS]),
        (questionChoice, topicPreference, generalPreference, lastUsed, reachable) => {
          const choice = chooseReplyChannel({
            questionChoice,
            topicPreference,
            generalPreference,
            lastUsed,
            reachable,
            noDigitalContact: true,
          });
          return (
            choice.channel === null ||
            (!isDigitalReplyChannel(choice.channel) && reachable.includes(choice.channel))
          );
        },
      ),
    );
  });

  it("always picks a reachable channel when there is one", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, ...CHANNELS),
        fc.subarray([...REPLY_CHANNELS], { minLength: 1 }),
        (lastUsed, reachable) => {
          const choice = chooseReplyChannel({ ...none, lastUsed, reachable });
          return choice.channel !== null && reachable.includes(choice.channel);
        },
      ),
    );
  });
});
