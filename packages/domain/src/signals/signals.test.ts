import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  brokenPromiseRule,
  channelHoppingRule,
  escalatingLanguageRule,
  evaluateSignals,
  longSilenceRule,
  needClusterRule,
  pingPongRule,
  type ResidentFacts,
  reopenedRule,
  repeatContactRule,
  type SignalContact,
  type SignalQuestion,
} from "./index";

const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n, 10));
const now = day(60);
const q = (id: string, topicId: string | null, opened = 0, status = "open"): SignalQuestion => ({
  id,
  reference: `V-${id}`,
  topicId,
  topicSource: topicId ? "recorded" : null,
  status,
  openedAt: day(opened),
  resolvedAt: null,
  dueAt: null,
  teamId: null,
});
const c = (
  id: string,
  questionId: string,
  d: number,
  channel = "email",
  text = "",
  direction: "inbound" | "outbound" = "inbound",
): SignalContact => ({
  id,
  questionId,
  channel,
  direction,
  occurredAt: day(d),
  subject: null,
  text,
});
const facts = (f: Partial<ResidentFacts>): ResidentFacts => ({
  partyId: "p",
  questions: [],
  contacts: [],
  tasks: [],
  statusChanges: [],
  transfers: [],
  ...f,
});

describe("signal rules", () => {
  it("repeat contact: three on one topic within 30 days, not three spread over months", () => {
    const questions = [q("a", "afval"), q("b", "afval", 5), q("c", "parkeren")];
    const found = repeatContactRule.evaluate(
      facts({ questions, contacts: [c("1", "a", 0), c("2", "b", 5), c("3", "b", 9, "phone")] }),
      now,
    );
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]?.evidence.contactIds, ["1", "2", "3"]);
    assert.equal(found[0]?.ruleVersion, 1);
    const spread = repeatContactRule.evaluate(
      facts({ questions, contacts: [c("1", "a", 0), c("2", "b", 40), c("3", "c", 45)] }),
      now,
    );
    assert.deepEqual(spread, []);
  });

  it("channel hopping: three channels for one question, not two", () => {
    const questions = [q("a", null)];
    const three = [c("1", "a", 0, "email"), c("2", "a", 3, "phone"), c("3", "a", 6, "counter")];
    assert.equal(channelHoppingRule.evaluate(facts({ questions, contacts: three }), now).length, 1);
    const two = [c("1", "a", 0, "email"), c("2", "a", 3, "phone"), c("3", "a", 6, "phone")];
    assert.deepEqual(channelHoppingRule.evaluate(facts({ questions, contacts: two }), now), []);
  });

  it("broken promise: an overdue open callback, not one done on time", () => {
    const task = (id: string, completedAt: Date | null) => ({
      id,
      questionId: "a",
      kind: "callback",
      status: completedAt ? "done" : "open",
      dueAt: day(2),
      createdAt: day(1),
      completedAt,
    });
    const found = brokenPromiseRule.evaluate(facts({ tasks: [task("t1", null), task("t2", day(2))] }), now);
    assert.deepEqual(
      found.map((s) => s.evidence.taskIds),
      [["t1"]],
    );
  });

  it("reopened: status reopened or a recorded change from resolved; not a plain open question", () => {
    const found = reopenedRule.evaluate(
      facts({
        questions: [q("a", null, 0, "reopened"), q("b", null), q("c", null)],
        statusChanges: [{ questionId: "c", from: "resolved", to: "open", at: day(3), sourceId: "9" }],
      }),
      now,
    );
    assert.deepEqual(found.map((s) => s.key).sort(), ["question:a", "question:c"]);
  });

  it("long silence: an email unanswered past the norm, not one answered in time", () => {
    const questions = [q("a", "afval"), q("b", "afval")];
    const contacts = [c("1", "a", 0), c("2", "b", 0), c("3", "b", 1, "email", "Antwoord", "outbound")];
    const found = longSilenceRule.evaluate(facts({ questions, contacts }), now);
    assert.deepEqual(
      found.map((s) => s.evidence.contactIds),
      [["1"]],
    );
  });

  it("escalating language: stems and phrases ('al 3 keer', 'niemand helpt'), not a calm question", () => {
    const questions = [q("a", null), q("b", null)];
    const contacts = [
      c("1", "a", 0, "email", "Ik heb al 3 keer gebeld en niemand helpt me."),
      c("2", "b", 0, "email", "Graag een reactie op mijn vraag over de afvalpas."),
    ];
    const found = escalatingLanguageRule.evaluate(facts({ questions, contacts }), now);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]?.evidence.details.words, ["al drie keer", "niemand helpt"]);
  });

  it("ping-pong: three transfers of one question within 30 days, not two", () => {
    const t = (n: number) => ({
      questionId: "a",
      from: `t${n}`,
      to: `t${n + 1}`,
      at: day(n),
      sourceId: `${n}`,
    });
    const questions = [q("a", null)];
    assert.equal(pingPongRule.evaluate(facts({ questions, transfers: [t(0), t(1), t(2)] }), now).length, 1);
    assert.deepEqual(pingPongRule.evaluate(facts({ questions, transfers: [t(0), t(1)] }), now), []);
  });

  it("need cluster: three topics of one need within 90 days, not spread over a year", () => {
    const close = [q("a", "verhuizing", 0), q("b", "parkeren", 10), q("c", "afval", 20)];
    const found = needClusterRule.evaluate(facts({ questions: close }), now);
    assert.deepEqual(
      found.map((s) => s.evidence.details.needId),
      ["verhuizen"],
    );
    const far = [q("a", "verhuizing", -300), q("b", "parkeren", -150), q("c", "afval", 0)];
    assert.deepEqual(needClusterRule.evaluate(facts({ questions: far }), now), []);
  });

  it("every signal carries evidence, a rule version and a Dutch explanation", () => {
    const questions = [q("a", "verhuizing", 0, "reopened"), q("b", "parkeren", 1), q("c", "afval", 2)];
    const contacts = [
      c("1", "a", 0),
      c("2", "a", 1, "phone"),
      c("3", "a", 2, "counter", "Dit is schandalig"),
    ];
    const signals = evaluateSignals(facts({ questions, contacts }), now);
    assert.ok(signals.length >= 4);
    for (const s of signals) {
      assert.equal(typeof s.ruleVersion, "number");
      assert.ok(s.evidence.questionIds.length + s.evidence.contactIds.length + s.evidence.taskIds.length > 0);
      assert.ok(s.explanation.length > 10);
    }
  });
});
