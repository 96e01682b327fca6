import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CHANNELS, type Channel } from "../channels";
import { createDutchWorkingCalendar } from "../working-time/working-calendar";
import { defaultCallbackNorms, defaultServiceNorms, WORKING_DAY_MINUTES } from "./default-service-norms";
import { computeDueAt, findServiceNorm, type ServiceNorm } from "./service-norm";

const norm = (topicId: string, channel: Channel | "*", workingMinutes: number): ServiceNorm => ({
  topicId,
  channel,
  workingMinutes,
  label: `${topicId}/${channel}`,
});

const norms = [norm("*", "*", 1), norm("*", "email", 2), norm("afval", "*", 3), norm("afval", "email", 4)];

describe("findServiceNorm", () => {
  it("picks the most specific match", () => {
    assert.equal(findServiceNorm(norms, "afval", "email")?.workingMinutes, 4);
    assert.equal(findServiceNorm(norms, "afval", "phone")?.workingMinutes, 3);
    assert.equal(findServiceNorm(norms, "parkeren", "email")?.workingMinutes, 2);
    assert.equal(findServiceNorm(norms, "parkeren", "phone")?.workingMinutes, 1);
  });

  it("does not depend on the order of norms of different specificity", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(norms, { minLength: norms.length }),
        fc.constantFrom("afval", "parkeren", null),
        fc.constantFrom(...CHANNELS),
        (shuffled, topicId, channel) => {
          assert.deepEqual(
            findServiceNorm(shuffled, topicId, channel),
            findServiceNorm(norms, topicId, channel),
          );
        },
      ),
    );
  });

  it("matches only catch-all topics when the topic is unknown", () => {
    assert.equal(findServiceNorm(norms, null, "email")?.workingMinutes, 2);
    assert.equal(findServiceNorm([norm("afval", "*", 3)], null, "email"), null);
  });

  it("takes the first of equally specific norms, and returns null without a match", () => {
    assert.equal(findServiceNorm([norm("*", "sms", 7), norm("*", "sms", 8)], "x", "sms")?.workingMinutes, 7);
    assert.equal(findServiceNorm([], "afval", "email"), null);
    assert.equal(findServiceNorm([norm("*", "sms", 7)], "afval", "email"), null);
  });
});

describe("computeDueAt", () => {
  it("counts the norm in working time", () => {
    // Monday 6 January 2025 10:00 in Amsterdam; 5 working days later is Monday 13 January 10:00.
    const due = computeDueAt(new Date("2025-01-06T09:00:00Z"), defaultServiceNorms, "afval", "email");
    assert.equal(due?.dueAt.toISOString(), "2025-01-13T09:00:00.000Z");
    assert.equal(due?.norm.label, "E-mail beantwoord binnen 5 werkdagen");
  });

  it("gives a letter ten working days and uses the calendar it is given", () => {
    const calendar = createDutchWorkingCalendar({ extraClosedDays: ["2025-01-13"] });
    const due = computeDueAt(new Date("2025-01-06T09:00:00Z"), defaultServiceNorms, null, "letter", calendar);
    assert.equal(due?.dueAt.toISOString(), "2025-01-21T09:00:00.000Z");
  });

  it("returns null when no norm applies", () => {
    assert.equal(computeDueAt(new Date(), [], "afval", "email"), null);
  });
});

describe("default norms", () => {
  it("cover every channel, and a callback takes one working day", () => {
    for (const channel of CHANNELS) assert.ok(findServiceNorm(defaultServiceNorms, null, channel), channel);
    assert.equal(
      findServiceNorm(defaultCallbackNorms, "afval", "phone")?.workingMinutes,
      WORKING_DAY_MINUTES,
    );
    assert.equal(WORKING_DAY_MINUTES, 510);
  });
});
