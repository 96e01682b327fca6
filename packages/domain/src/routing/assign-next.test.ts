import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  type Agent,
  assignNext,
  compareItems,
  DEFAULT_WEIGHTS,
  fits,
  LOAD_CHANNELS,
  type LoadChannel,
  loadChannelOf,
  mayTake,
  PRESENCES,
  usedCapacity,
  type Weights,
  type WorkItem,
  weightsFrom,
} from "./assign-next";

const NOW = new Date("2026-03-02T10:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const noLoad = (): Record<LoadChannel, number> => ({ phone: 0, chat: 0, email: 0, other: 0 });

const agent = (id: string, over: Partial<Agent> = {}): Agent => ({
  id,
  teamIds: ["kcc"],
  skills: { topicIds: [], languages: ["nld"] },
  presence: "available",
  load: noLoad(),
  lastAssignedAt: null,
  ...over,
});
const item = (questionId: string, over: Partial<WorkItem> = {}): WorkItem => ({
  questionId,
  channel: "email",
  topicId: null,
  language: "nld",
  teamId: "kcc",
  dueAt: null,
  waitingSince: at(-1),
  sensitive: false,
  ...over,
});

const teamIds = ["kcc", "jeugd", "belastingen"];
const topics = ["afval", "jeugd", "belastingen"];
const languages = ["nld", "eng", "pol"];

const arbAgent: fc.Arbitrary<Agent> = fc.record({
  id: fc.constantFrom("a1", "a2", "a3", "a4", "a5", "a6"),
  teamIds: fc.subarray(teamIds),
  skills: fc.record({ topicIds: fc.subarray(topics), languages: fc.subarray(languages) }),
  presence: fc.constantFrom(...PRESENCES),
  load: fc.record({
    phone: fc.nat(1),
    chat: fc.nat(3),
    email: fc.nat(8),
    other: fc.nat(8),
  }),
  lastAssignedAt: fc.option(fc.integer({ min: -48, max: 0 }).map(at)),
});
const arbItem: fc.Arbitrary<WorkItem> = fc.record({
  questionId: fc.uuid(),
  channel: fc.constantFrom("phone", "chat", "whatsapp", "email", "webform", "sms", "letter"),
  topicId: fc.option(fc.constantFrom(...topics)),
  language: fc.constantFrom(...languages),
  teamId: fc.option(fc.constantFrom(...teamIds)),
  // Few distinct due times, so that many items are equally due.
  dueAt: fc.option(fc.constantFrom(-2, 0, 3).map(at)),
  waitingSince: fc.integer({ min: -100, max: 0 }).map(at),
  sensitive: fc.boolean(),
});
const arbWeights: fc.Arbitrary<Weights> = fc.oneof(
  fc.constant(DEFAULT_WEIGHTS),
  fc.record({
    phone: fc.constantFrom(1, 1 / 2),
    chat: fc.constantFrom(1 / 3, 1 / 4, 1 / 2),
    email: fc.constantFrom(1 / 8, 1 / 10, 1 / 5),
    other: fc.constantFrom(1 / 8, 1 / 4),
  }),
);
const arbCase = fc.record({
  items: fc.uniqueArray(arbItem, { maxLength: 40, selector: (i) => i.questionId }),
  agents: fc.uniqueArray(arbAgent, { maxLength: 6, selector: (a) => a.id }),
  weights: arbWeights,
});

/** Each agent's load after the assignments are applied. */
function finalLoads(
  items: readonly WorkItem[],
  agents: readonly Agent[],
  assignments: ReturnType<typeof assignNext>,
) {
  const loads = new Map(agents.map((a) => [a.id, { ...a.load }]));
  const byId = new Map(items.map((i) => [i.questionId, i]));
  for (const assignment of assignments) {
    const load = loads.get(assignment.agentId);
    const assigned = byId.get(assignment.questionId);
    assert.ok(load && assigned);
    load[loadChannelOf(assigned.channel)] += 1;
  }
  return loads;
}

describe("assignNext", () => {
  it("gives an email to the least-loaded available agent and skips busy, away and offline ones", () => {
    const agents = [
      agent("busy", { presence: "busy" }),
      agent("away", { presence: "away" }),
      agent("loaded", { load: { ...noLoad(), email: 3 } }),
      agent("light", { load: { ...noLoad(), email: 1 } }),
    ];
    const result = assignNext([item("q1")], agents, DEFAULT_WEIGHTS, NOW);
    assert.deepEqual(
      result.map((a) => [a.questionId, a.agentId]),
      [["q1", "light"]],
    );
    assert.match(result[0]?.reason ?? "", /minst belaste/);
  });

  it("fills capacity: one call, or three chats, or eight emails", () => {
    const calls = assignNext(
      [item("c1", { channel: "phone" }), item("c2", { channel: "phone" })],
      [agent("a")],
      DEFAULT_WEIGHTS,
      NOW,
    );
    assert.equal(calls.length, 1);
    const chats = ["1", "2", "3", "4"].map((n) => item(`chat${n}`, { channel: "chat" }));
    assert.equal(assignNext(chats, [agent("a")], DEFAULT_WEIGHTS, NOW).length, 3);
    const emails = Array.from({ length: 10 }, (_, n) => item(`mail${n}`));
    assert.equal(assignNext(emails, [agent("a")], DEFAULT_WEIGHTS, NOW).length, 8);
    // Configured: two calls at once.
    const two = assignNext(
      [item("c1", { channel: "phone" }), item("c2", { channel: "phone" })],
      [agent("a")],
      weightsFrom({ phone: 0.5 }),
      NOW,
    );
    assert.equal(two.length, 2);
  });

  it("serves overdue first, then earliest due, then longest waiting", () => {
    const items = [
      item("none-old", { waitingSince: at(-50) }),
      item("due-later", { dueAt: at(5) }),
      item("due-soon-young", { dueAt: at(1), waitingSince: at(-1) }),
      item("due-soon-old", { dueAt: at(1), waitingSince: at(-3) }),
      item("overdue", { dueAt: at(-1), waitingSince: at(-2) }),
    ];
    const result = assignNext(items, [agent("a", { load: { ...noLoad(), email: 5 } })], DEFAULT_WEIGHTS, NOW);
    assert.deepEqual(
      result.map((a) => a.questionId),
      ["overdue", "due-soon-old", "due-soon-young"],
    );
  });

  it("breaks ties in load by who waited longest since their last assignment, then spreads the work", () => {
    const agents = [
      agent("recent", { lastAssignedAt: at(-1) }),
      agent("long-ago", { lastAssignedAt: at(-5) }),
    ];
    const result = assignNext(
      [item("q1"), item("q2", { waitingSince: at(0) })],
      agents,
      DEFAULT_WEIGHTS,
      NOW,
    );
    assert.deepEqual(
      result.map((a) => a.agentId),
      ["long-ago", "recent"],
    );
  });

  it("respects skills, team and need-to-know", () => {
    const agents = [
      agent("kcc-english", { skills: { topicIds: [], languages: ["eng"] } }),
      agent("tax", { teamIds: ["belastingen"], skills: { topicIds: ["belastingen"], languages: ["nld"] } }),
      agent("youth", { teamIds: ["jeugd"] }),
    ];
    const result = assignNext(
      [
        item("english", { language: "eng" }),
        item("tax", { teamId: "belastingen", topicId: "belastingen" }),
        item("youth", { teamId: "jeugd", topicId: "jeugd", sensitive: true }),
        item("sensitive-no-team", { teamId: null, topicId: "jeugd", sensitive: true }),
        item("polish", { language: "pol" }),
      ],
      agents,
      DEFAULT_WEIGHTS,
      NOW,
    );
    assert.deepEqual(Object.fromEntries(result.map((a) => [a.questionId, a.agentId])), {
      english: "kcc-english",
      tax: "tax",
      youth: "youth",
    });
  });

  it("reads weights from settings, keeping defaults for missing or invalid values", () => {
    assert.deepEqual(weightsFrom(undefined), DEFAULT_WEIGHTS);
    assert.deepEqual(weightsFrom({ chat: 0.25, email: 0, phone: 2, other: "x" }), {
      ...DEFAULT_WEIGHTS,
      chat: 0.25,
    });
  });

  it("never puts an agent over capacity", () => {
    fc.assert(
      fc.property(arbCase, ({ items, agents, weights }) => {
        const result = assignNext(items, agents, weights, NOW);
        const loads = finalLoads(items, agents, result);
        for (const a of agents) {
          const assignedToThem = result.filter((r) => r.agentId === a.id).length;
          if (assignedToThem === 0) continue;
          const load = loads.get(a.id);
          assert.ok(load);
          assert.ok(usedCapacity(load, weights) <= 1 + 1e-9, `${a.id} over capacity`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("assigns each item at most once, only to available agents allowed to take it", () => {
    fc.assert(
      fc.property(arbCase, ({ items, agents, weights }) => {
        const result = assignNext(items, agents, weights, NOW);
        assert.equal(new Set(result.map((r) => r.questionId)).size, result.length);
        for (const r of result) {
          const a = agents.find((x) => x.id === r.agentId);
          const i = items.find((x) => x.questionId === r.questionId);
          assert.ok(a && i);
          assert.equal(a.presence, "available");
          assert.ok(mayTake(a, i));
          if (i.teamId !== null) assert.ok(a.teamIds.includes(i.teamId));
          if (i.sensitive) assert.ok(i.teamId !== null && a.teamIds.includes(i.teamId));
          assert.ok(a.skills.languages.includes(i.language));
          if (i.topicId !== null && a.skills.topicIds.length > 0)
            assert.ok(a.skills.topicIds.includes(i.topicId));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("starves no old question: no item is served while an earlier one waits with an eligible agent free", () => {
    fc.assert(
      fc.property(arbCase, ({ items, agents, weights }) => {
        const result = assignNext(items, agents, weights, NOW);
        const byId = new Map(items.map((i) => [i.questionId, i]));
        const loads = new Map(agents.map((a) => [a.id, { ...a.load }]));
        const done = new Set<string>();
        const available = agents.filter((a) => a.presence === "available");
        const hasRoom = (a: Agent, i: WorkItem) =>
          fits(usedCapacity(loads.get(a.id) ?? noLoad(), weights), i, weights);
        // Replay the assignments: when one is served, no item ahead of it may still wait while an agent
        // who may take it has room.
        for (const r of result) {
          const served = byId.get(r.questionId);
          assert.ok(served);
          for (const older of items) {
            if (done.has(older.questionId) || compareItems(older, served, NOW) >= 0) continue;
            const free = available.find((a) => mayTake(a, older) && hasRoom(a, older));
            assert.equal(free, undefined, `${older.questionId} skipped for ${served.questionId}`);
          }
          const load = loads.get(r.agentId);
          assert.ok(load);
          load[loadChannelOf(served.channel)] += 1;
          done.add(r.questionId);
        }
        // And whatever is left over has no eligible agent with room at the end.
        for (const left of items.filter((i) => !done.has(i.questionId))) {
          const free = available.find((a) => mayTake(a, left) && hasRoom(a, left));
          assert.equal(free, undefined, `${left.questionId} left over while ${free?.id} had room`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same facts in any order give the same assignments", () => {
    fc.assert(
      fc.property(arbCase, fc.func(fc.integer()), ({ items, agents, weights }, key) => {
        const shuffle = <T>(list: readonly T[]) =>
          list
            .map((value, n) => ({ value, k: key(n) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.value);
        assert.deepEqual(
          assignNext(shuffle(items), shuffle(agents), weights, NOW),
          assignNext(items, agents, weights, NOW),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("every load channel has a weight", () => {
    for (const channel of LOAD_CHANNELS) assert.ok(DEFAULT_WEIGHTS[channel] > 0);
  });
});
