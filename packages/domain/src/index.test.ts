import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as domain from "./index";

describe("@omniloket/domain public API", () => {
  it("exports every module's entry points", () => {
    const expected = [
      "passesElevenTest",
      "normaliseBsn",
      "normaliseRsin",
      "normaliseKvk",
      "normaliseVestigingsnummer",
      "normaliseEmail",
      "normalisePhone",
      "normaliseIdentifier",
      "formatQuestionReference",
      "parseQuestionReference",
      "findQuestionReferences",
      "dutchPublicHolidays",
      "addWorkingMinutes",
      "workingMinutesBetween",
      "createDutchWorkingCalendar",
      "findServiceNorm",
      "computeDueAt",
      "decideThreading",
      "suggestMerges",
      "normalisePostcode",
      "routeByTopic",
      "isKnownTopic",
    ];
    for (const name of expected)
      assert.equal(typeof (domain as Record<string, unknown>)[name], "function", name);
    assert.ok(domain.CHANNELS.includes("whatsapp"));
    assert.equal(domain.isChannel("counter"), true);
    assert.equal(domain.isChannel("fax"), false);
    assert.ok(domain.defaultTopics.topics.length > 0);
    assert.ok(domain.defaultServiceNorms.length > 0);
    assert.equal(domain.defaultWorkingCalendar.timeZone, "Europe/Amsterdam");
    assert.deepEqual(domain.defaultSensitiveTopicIds, ["jeugd", "schulden", "zorg-wmo", "inkomen"]);
  });
});
