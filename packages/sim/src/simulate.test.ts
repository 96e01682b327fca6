import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import {
  computeDueAt,
  defaultServiceNorms,
  formatQuestionReference,
  normaliseEmail,
  normalisePhone,
  passesElevenTest,
  routeByTopic,
} from "@omniloket/domain";
import { generateMunicipality } from "./simulate";
import { fingerprint } from "./summary";

describe("generateMunicipality: determinism", () => {
  it("is a pure function of its options", () => {
    const options = { seed: "gelijk", residents: 60, months: 2 };
    assert.deepStrictEqual(generateMunicipality(options), generateMunicipality(options));
  });

  it("gives the same 500-resident generation in another process and time zone", () => {
    const here = fingerprint(generateMunicipality({ seed: 500, residents: 500, months: 12 }));
    const module = new URL("./simulate.ts", import.meta.url).href;
    const summary = new URL("./summary.ts", import.meta.url).href;
    const code = `const { generateMunicipality } = await import(${JSON.stringify(module)});
const { fingerprint } = await import(${JSON.stringify(summary)});
console.log(fingerprint(generateMunicipality({ seed: 500, residents: 500, months: 12 })));`;
    const there = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      env: { ...process.env, TZ: "Pacific/Auckland", LANG: "en_US.UTF-8" },
      encoding: "utf8",
    }).trim();
    assert.equal(there, here);
  });

  it("differs for another seed", () => {
    const a = generateMunicipality({ seed: 1, residents: 60, months: 2 });
    const b = generateMunicipality({ seed: 2, residents: 60, months: 2 });
    assert.notEqual(fingerprint(a), fingerprint(b));
    assert.notDeepEqual(
      a.parties.map((p) => p.displayName),
      b.parties.map((p) => p.displayName),
    );
  });
});

describe("generateMunicipality: shape", () => {
  const g = generateMunicipality({ seed: "vorm", residents: 800, months: 12 });
  const start = g.options.start.getTime();
  const end = g.options.endDate.getTime();

  it("fixes the window to the default end date", () => {
    assert.equal(g.options.endDate.toISOString(), "2026-11-01T00:00:00.000Z");
    assert.equal(g.options.start.toISOString(), "2025-11-01T00:00:00.000Z");
    assert.equal(g.tenant.slug, "voorbeeldstad");
    assert.equal(g.tenant.name, "Gemeente Voorbeeldstad");
  });

  it("numbers questions from 1000 in order of opening, one number drawn per contact as ingest does", () => {
    const place = new Map(g.interactions.map((interaction, index) => [interaction.id, index]));
    const opening = new Map(
      g.interactions
        .filter((i) => i.direction === "inbound" && i.threading === "new")
        .map((i) => [i.questionId, i]),
    );
    g.questions.forEach((q, i) => {
      assert.equal(q.sequence, BigInt(1000 + (place.get(opening.get(q.id)?.id ?? "") ?? -1000)));
      assert.equal(q.reference, formatQuestionReference(q.sequence));
      if (i > 0) {
        const previous = g.questions[i - 1] as (typeof g.questions)[number];
        assert.ok(q.sequence > previous.sequence && q.openedAt >= previous.openedAt);
      }
    });
  });

  it("puts every interaction in an existing question, inside the window", () => {
    const questions = new Map(g.questions.map((q) => [q.id, q]));
    for (const interaction of g.interactions) {
      const question = questions.get(interaction.questionId);
      assert.ok(question, interaction.id);
      const at = interaction.occurredAt.getTime();
      assert.ok(at >= start && at < end, interaction.occurredAt.toISOString());
      assert.ok(at >= question.openedAt.getTime());
      assert.ok(at <= question.lastActivityAt.getTime());
      assert.ok(!interaction.text.includes("{{ref:"), "every reference placeholder is filled");
    }
  });

  it("keeps external ids unique per channel and records staff where staff acted", () => {
    const seen = new Set<string>();
    for (const i of g.interactions) {
      const key = `${i.channel}:${i.externalId}`;
      assert.ok(!seen.has(key), key);
      seen.add(key);
      if (i.direction === "outbound" || i.channel === "phone" || i.channel === "counter")
        assert.ok(i.employeeId, i.id);
      if (i.channel === "email") assert.equal(i.threadKey, i.externalId);
      if (i.direction === "inbound") assert.ok(i.senderPartyId);
    }
  });

  it("has valid identifiers: BSN 11-proef, E.164 phones, test email domains, 8-digit KvK", () => {
    const values = new Set<string>();
    for (const party of g.parties) {
      for (const identifier of party.identifiers) {
        const key = `${identifier.kind}:${identifier.value}`;
        assert.ok(!values.has(key), `unique ${key}`);
        values.add(key);
        if (identifier.kind === "bsn") assert.ok(passesElevenTest(identifier.value), identifier.value);
        if (identifier.kind === "kvk") assert.match(identifier.value, /^\d{8}$/);
        if (identifier.kind === "phone" || identifier.kind === "whatsapp") {
          assert.match(identifier.value, /^\+31\d{9}$/);
          assert.deepEqual(normalisePhone(identifier.value), { ok: true, value: identifier.value });
        }
        if (identifier.kind === "email") {
          assert.match(identifier.value, /@([a-z0-9-]+\.)*(example\.(nl|com|org)|voorbeeld\.test)$/);
          assert.deepEqual(normaliseEmail(identifier.value), { ok: true, value: identifier.value });
        }
        if (
          party.identityLevel === "address-based" &&
          ["email", "phone", "whatsapp"].includes(identifier.kind)
        ) {
          assert.equal(identifier.verification, "asserted-by-channel");
        }
      }
      assert.equal(
        party.identityLevel === "verified",
        party.identifiers.some((i) => i.kind === "bsn" || i.kind === "kvk"),
      );
      if (party.postcode) assert.match(party.postcode, /^[1-9]\d{3}[A-Z]{2}$/);
    }
  });

  it("gives about 3% of residents a representative who is a party themself", () => {
    const parties = new Set(g.parties.map((p) => p.id));
    const residents = g.parties.filter((p) => p.role === "resident");
    const represented = g.representations.filter((r) => r.kind !== "company-contact");
    const share = represented.length / residents.length;
    assert.ok(share > 0.015 && share < 0.06, `share ${share}`);
    for (const r of g.representations) {
      assert.ok(parties.has(r.representativePartyId) && parties.has(r.representedPartyId));
    }
    assert.ok(g.parties.some((p) => p.kind === "organisation"));
  });

  it("records the topic, team and due time the opening contact gave, as ingest does", () => {
    const opening = new Map(
      g.interactions
        .filter((i) => i.direction === "inbound" && i.threading === "new")
        .map((i) => [i.questionId, i]),
    );
    const general = g.teams.find((t) => t.isGeneral);
    for (const q of g.questions) {
      const first = opening.get(q.id);
      assert.ok(first, q.id);
      assert.equal(q.topicId, first.channelTopicId);
      assert.equal(q.residentPartyId, first.involvement.representedPartyId ?? first.involvement.partyId);
      assert.equal(q.teamId, routeByTopic(q.topicId, g.teams));
      if (q.topicId === null) assert.equal(q.teamId, general?.id);
      assert.equal(
        q.dueAt?.getTime(),
        computeDueAt(q.openedAt, defaultServiceNorms, q.topicId, first.channel)?.dueAt.getTime(),
      );
      assert.equal(q.confidential, first.confidential);
    }
    // Email, chat and messaging arrive without a topic; forms, the IVR and staff usually give one.
    const unknown = g.questions.filter((q) => q.topicId === null).length / g.questions.length;
    assert.ok(unknown > 0.15 && unknown < 0.4, `unknown ${unknown}`);
  });

  it("keeps the ground truth apart: every question has a true topic", () => {
    for (const q of g.questions) assert.ok(g.groundTruth.questions[q.id]?.trueTopicId, q.id);
  });
});
