import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { decideThreading, type ThreadingInput } from "./decide-threading";

const now = new Date("2025-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const base: ThreadingInput = {
  quotedReferences: [],
  senderPartyId: "resident",
  threadKeyQuestionId: null,
  explicitQuestionId: null,
  openQuestionsSameTopic: [],
  now,
};

describe("decideThreading", () => {
  it("lets an explicit question win over everything", () => {
    const decision = decideThreading({
      ...base,
      explicitQuestionId: "q-explicit",
      quotedReferences: [{ questionId: "q-ref", residentPartyIds: ["resident"] }],
      threadKeyQuestionId: "q-key",
    });
    assert.deepEqual(decision, { kind: "existing", questionId: "q-explicit", reason: "explicit" });
  });

  it("threads on a reference quoted by the resident or a representative", () => {
    const quotedReferences = [{ questionId: "q-ref", residentPartyIds: ["resident", "carer"] }];
    for (const senderPartyId of ["resident", "carer"]) {
      assert.deepEqual(
        decideThreading({ ...base, senderPartyId, quotedReferences, threadKeyQuestionId: "q-key" }),
        {
          kind: "existing",
          questionId: "q-ref",
          reason: "reference",
        },
      );
    }
  });

  it("only suggests a reference quoted by someone else, or by an unknown sender", () => {
    const quotedReferences = [{ questionId: "q-ref", residentPartyIds: ["resident"] }];
    for (const senderPartyId of ["neighbour", null]) {
      assert.deepEqual(decideThreading({ ...base, senderPartyId, quotedReferences }), {
        kind: "new",
        suggestions: [{ questionId: "q-ref", reason: "reference-from-other-party" }],
      });
    }
  });

  it("takes the first reference the sender may use", () => {
    const decision = decideThreading({
      ...base,
      quotedReferences: [
        { questionId: "q-other", residentPartyIds: ["someone"] },
        { questionId: "q-own", residentPartyIds: ["resident"] },
        { questionId: "q-own-2", residentPartyIds: ["resident"] },
      ],
    });
    assert.deepEqual(decision, { kind: "existing", questionId: "q-own", reason: "reference" });
  });

  it("threads on a thread key when no reference of the sender applies", () => {
    const decision = decideThreading({
      ...base,
      senderPartyId: "neighbour",
      quotedReferences: [{ questionId: "q-ref", residentPartyIds: ["resident"] }],
      threadKeyQuestionId: "q-key",
    });
    assert.deepEqual(decision, { kind: "existing", questionId: "q-key", reason: "thread-key" });
  });

  it("suggests open questions on the same topic within the window, most recent first", () => {
    const decision = decideThreading({
      ...base,
      openQuestionsSameTopic: [
        { questionId: "q-old", lastActivityAt: daysAgo(15) },
        { questionId: "q-edge", lastActivityAt: daysAgo(14) },
        { questionId: "q-recent", lastActivityAt: daysAgo(1) },
      ],
    });
    assert.deepEqual(decision, {
      kind: "new",
      suggestions: [
        { questionId: "q-recent", reason: "same-topic-open-question" },
        { questionId: "q-edge", reason: "same-topic-open-question" },
      ],
    });
  });

  it("honours a custom window and lists each question once", () => {
    const decision = decideThreading({
      ...base,
      senderPartyId: "neighbour",
      suggestionWindowDays: 30,
      quotedReferences: [{ questionId: "q-1", residentPartyIds: ["resident"] }],
      openQuestionsSameTopic: [
        { questionId: "q-1", lastActivityAt: daysAgo(2) },
        { questionId: "q-2", lastActivityAt: daysAgo(20) },
      ],
    });
    assert.deepEqual(decision, {
      kind: "new",
      suggestions: [
        { questionId: "q-1", reason: "reference-from-other-party" },
        { questionId: "q-2", reason: "same-topic-open-question" },
      ],
    });
  });

  it("starts a new question without suggestions when nothing matches", () => {
    assert.deepEqual(decideThreading(base), { kind: "new", suggestions: [] });
  });
});

describe("decideThreading properties", () => {
  const partyId = fc.constantFrom("p1", "p2", "p3", "p4");
  const questionId = fc.constantFrom("q1", "q2", "q3", "q4", "q5");
  const input = fc.record({
    quotedReferences: fc.array(
      fc.record({ questionId, residentPartyIds: fc.uniqueArray(partyId, { maxLength: 3 }) }),
      { maxLength: 4 },
    ),
    senderPartyId: fc.option(partyId),
    threadKeyQuestionId: fc.option(questionId),
    explicitQuestionId: fc.option(questionId, { freq: 4 }),
    openQuestionsSameTopic: fc.array(
      fc.record({ questionId, lastActivityAt: fc.integer({ min: 0, max: 40 }).map(daysAgo) }),
      { maxLength: 5 },
    ),
    now: fc.constant(now),
    suggestionWindowDays: fc.integer({ min: 0, max: 30 }),
  });

  it("never threads on a reference quoted by someone who is not on that question", () => {
    fc.assert(
      fc.property(input, (generated) => {
        const decision = decideThreading(generated);
        if (decision.kind !== "existing" || decision.reason !== "reference") return;
        const used = generated.quotedReferences.filter(
          (reference) => reference.questionId === decision.questionId,
        );
        assert.ok(
          used.some(
            (reference) =>
              generated.senderPartyId !== null &&
              reference.residentPartyIds.includes(generated.senderPartyId),
          ),
        );
      }),
    );
  });

  it("starts a new question when only other people's references are quoted", () => {
    fc.assert(
      fc.property(input, (generated) => {
        const decision = decideThreading({
          ...generated,
          explicitQuestionId: null,
          threadKeyQuestionId: null,
          quotedReferences: generated.quotedReferences.map((reference) => ({
            ...reference,
            residentPartyIds: reference.residentPartyIds.filter((id) => id !== generated.senderPartyId),
          })),
        });
        assert.equal(decision.kind, "new");
      }),
    );
  });

  it("is deterministic and does not depend on the order of open questions", () => {
    const withShuffle = input.chain((generated) =>
      fc.tuple(
        fc.constant(generated),
        fc.shuffledSubarray(generated.openQuestionsSameTopic, {
          minLength: generated.openQuestionsSameTopic.length,
        }),
      ),
    );
    fc.assert(
      fc.property(withShuffle, ([generated, shuffled]) => {
        const first = decideThreading(generated);
        assert.deepEqual(decideThreading(generated), first);
        assert.deepEqual(decideThreading({ ...generated, openQuestionsSameTopic: shuffled }), first);
      }),
    );
  });

  it("never lists a question twice", () => {
    fc.assert(
      fc.property(input, (generated) => {
        const decision = decideThreading(generated);
        if (decision.kind !== "new") return;
        const ids = decision.suggestions.map((suggestion) => suggestion.questionId);
        assert.equal(new Set(ids).size, ids.length);
      }),
    );
  });
});
