import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultTopics } from "@omniloket/domain";
import { generateMunicipality } from "./simulate";

const DAY = 86_400_000;

/** The behaviour later features must discover is really there, in the data the database gets. */
describe("simulated behaviour", () => {
  const g = generateMunicipality({ seed: "gedrag", residents: 1500, months: 12 });
  const end = g.options.endDate.getTime();
  const cases = g.groundTruth.residents.flatMap((r) => r.cases);

  it("has residents who switch channel within one recorded question", () => {
    const channels = new Map<string, Set<string>>();
    for (const i of g.interactions) {
      if (i.direction !== "inbound") continue;
      const set = channels.get(i.questionId) ?? new Set();
      set.add(i.channel);
      channels.set(i.questionId, set);
    }
    const hopped = [...channels.values()].filter((set) => set.size >= 2).length;
    assert.ok(hopped >= 20, `questions with channel hops: ${hopped}`);
    assert.ok(cases.filter((c) => c.stuckReasons.includes("channel-hopping")).length >= 50);
  });

  it("has people who give up writing and call", () => {
    const written = new Set(["email", "webform", "chat", "whatsapp", "sms", "letter"]);
    const calledAfterWriting = cases.filter((c) =>
      c.channels.some((ch, i) => ch === "phone" && i > 0 && written.has(c.channels[i - 1] as string)),
    );
    assert.ok(calledAfterWriting.length >= 30, `${calledAfterWriting.length}`);
  });

  it("has overdue and late callback requests", () => {
    const callbacks = g.tasks.filter((t) => t.kind === "callback");
    const overdue = callbacks.filter((t) => t.status === "open" && t.dueAt.getTime() < end);
    const late = callbacks.filter((t) => t.completedAt && t.completedAt > t.dueAt);
    assert.ok(overdue.length >= 10, `overdue ${overdue.length}`);
    assert.ok(late.length >= 10, `late ${late.length}`);
    assert.ok(
      g.interactions.some((i) => i.direction === "outbound" && i.text.startsWith("Teruggebeld, geen gehoor")),
    );
  });

  it("has residents with three or more topics of one need within 90 days", () => {
    const byResident = new Map<string, Array<{ at: number; topicId: string }>>();
    for (const q of g.questions) {
      if (q.topicId === null || q.residentPartyId === null) continue;
      const list = byResident.get(q.residentPartyId) ?? [];
      list.push({ at: q.openedAt.getTime(), topicId: q.topicId });
      byResident.set(q.residentPartyId, list);
    }
    let found = 0;
    for (const list of byResident.values()) {
      const hit = defaultTopics.needs.some((need) =>
        list.some((first) => {
          const topics = new Set(
            list
              .filter(
                (q) => need.topics.includes(q.topicId) && q.at >= first.at && q.at - first.at <= 90 * DAY,
              )
              .map((q) => q.topicId),
          );
          return topics.size >= 3;
        }),
      );
      if (hit) found++;
    }
    assert.ok(found >= 10, `residents with a need pattern: ${found}`);
    const kinds = new Set(g.groundTruth.residents.flatMap((r) => r.lifeEvents.map((e) => e.kind)));
    assert.deepEqual([...kinds].sort(), [
      "business-start",
      "care-need",
      "death-in-family",
      "job-loss",
      "money-worries",
      "move",
      "new-baby",
    ]);
  });

  it("escalates the language of repeat contacts and reopens questions", () => {
    const texts = g.interactions.filter((i) => i.direction === "inbound").map((i) => i.text.toLowerCase());
    assert.ok(texts.some((t) => t.includes("al drie keer gebeld")));
    assert.ok(texts.some((t) => t.includes("niemand helpt mij")));
    assert.ok(texts.some((t) => t.includes("eerder antwoord gekregen")));
    assert.ok(cases.some((c) => c.stuckReasons.includes("reopened")));
  });

  it("writes in several languages and registers representatives' contacts for the represented", () => {
    const languages = new Set(g.interactions.map((i) => i.language));
    for (const language of ["nld", "eng", "pol", "tur", "ara"])
      assert.ok(languages.has(language as never), language);
    const byRepresentative = g.interactions.filter(
      (i) => i.direction === "inbound" && i.actingForPartyId !== null,
    );
    assert.ok(byRepresentative.length > 50);
    // Ingest finds the represented resident by identifiers or the sender's registered representation;
    // only a representative who stays anonymous leaves a party known by name alone.
    const found = byRepresentative.filter((i) => i.involvement.representedPartyId === i.actingForPartyId);
    assert.ok(
      found.length >= 0.85 * byRepresentative.length,
      `${found.length} of ${byRepresentative.length}`,
    );
    const questions = new Map(g.questions.map((q) => [q.id, q]));
    for (const i of found.filter((i) => i.threading === "new"))
      assert.equal(questions.get(i.questionId)?.residentPartyId, i.actingForPartyId);
  });

  it("records stuck residents only in the ground truth, with reasons", () => {
    const stuck = g.groundTruth.residents.filter((r) => r.stuck);
    const share = stuck.length / g.groundTruth.residents.length;
    assert.ok(share > 0.05 && share < 0.4, `stuck share ${share}`);
    for (const r of stuck) assert.ok(r.stuckReasons.length > 0);
  });
});
