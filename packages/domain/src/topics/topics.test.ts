import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultSensitiveTopicIds, defaultTopics, isKnownTopic, isSensitiveTopic } from "./topics";

describe("default topics", () => {
  it("is version 1 with unique topic and need ids", () => {
    assert.equal(defaultTopics.version, 1);
    const topicIds = defaultTopics.topics.map((topic) => topic.id);
    const needIds = defaultTopics.needs.map((need) => need.id);
    assert.equal(new Set(topicIds).size, topicIds.length);
    assert.equal(new Set(needIds).size, needIds.length);
    assert.ok(topicIds.includes("overig"));
  });

  it("gives every topic and need a Dutch and an English name", () => {
    for (const entry of [...defaultTopics.topics, ...defaultTopics.needs]) {
      assert.ok(entry.nl.length > 0 && entry.en.length > 0 && entry.about.length > 0, entry.id);
    }
  });

  it("lets needs point only at known topics", () => {
    for (const need of defaultTopics.needs) {
      for (const topicId of need.topics) assert.ok(isKnownTopic(topicId), `${need.id} → ${topicId}`);
    }
  });

  it("marks youth, debts, care and income as sensitive, all known topics", () => {
    assert.deepEqual([...defaultSensitiveTopicIds].sort(), ["inkomen", "jeugd", "schulden", "zorg-wmo"]);
    for (const topicId of defaultSensitiveTopicIds) assert.ok(isKnownTopic(topicId));
    assert.equal(isSensitiveTopic("schulden"), true);
    assert.equal(isSensitiveTopic("afval"), false);
  });

  it("recognises known topics only, with an optional own list", () => {
    assert.equal(isKnownTopic("afval"), true);
    assert.equal(isKnownTopic("Afval"), false);
    assert.equal(isKnownTopic("hondenbelasting"), false);
    assert.equal(
      isKnownTopic("hondenbelasting", [{ id: "hondenbelasting", nl: "", en: "", about: "" }]),
      true,
    );
  });
});
