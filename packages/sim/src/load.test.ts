import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createDb, type Database, migrate } from "@omniloket/db";
import { interactionPartyRows } from "./interaction-parties";
import { loadMunicipality } from "./load";
import { generateMunicipality } from "./simulate";
import type { GeneratedMunicipality } from "./types";

const generated = generateMunicipality({ seed: "laden", residents: 200, months: 3 });

function expectedCounts(g: GeneratedMunicipality): Record<string, number> {
  return {
    tenants: 1,
    teams: g.teams.length,
    employees: g.employees.length,
    team_members: g.employees.reduce((n, e) => n + e.teamIds.length, 0),
    parties: g.parties.length,
    party_identifiers: g.parties.reduce((n, p) => n + p.identifiers.length, 0),
    digital_addresses: g.parties.reduce((n, p) => n + p.digitalAddresses.length, 0),
    representations: g.representations.length,
    preferences: g.preferences.length,
    consents: g.consents.length,
    questions: g.questions.length,
    question_status_changes: g.questions.reduce((n, q) => n + q.statusChanges.length, 0),
    interactions: g.interactions.length,
    interaction_parties: interactionPartyRows(g).length,
    tasks: g.tasks.length,
    threading_suggestions: g.threadingSuggestions.length,
    receipts: g.interactions.filter((i) => i.direction === "inbound").length,
  };
}

/** The same checks on PGlite and on PostgreSQL 15. */
function loadSuite(open: () => Promise<{ database: Database; dispose(): Promise<void> }>) {
  let database: Database;
  let dispose: () => Promise<void>;
  let progress: Array<[number, number, string]> = [];

  before(async () => {
    ({ database, dispose } = await open());
    await migrate(database);
    await loadMunicipality(database, generated, {
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
    });
  });
  after(async () => {
    progress = [];
    await dispose();
  });

  it("writes exactly the generated rows into every table", async () => {
    const expected = expectedCounts(generated);
    for (const [table, count] of Object.entries(expected)) {
      const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      assert.equal(row?.n, count, table);
    }
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    assert.deepEqual(progress.at(-1), [total, total, "receipts"]);
  });

  it("continues the question sequence after the last number ingest would have drawn", async () => {
    const last = BigInt(999 + generated.interactions.length);
    assert.ok(last >= (generated.questions.at(-1)?.sequence ?? 0n));
    const [row] = await database.query<{ next: string }>(
      "SELECT nextval('question_reference_seq')::text AS next",
    );
    assert.equal(row?.next, (last + 1n).toString());
  });

  it("stores texts, subjects and arrays exactly", async () => {
    const rows = await database.query<{ id: string; text: string; subject: string | null }>(
      "SELECT id, text, subject FROM interactions",
    );
    const byId = new Map(generated.interactions.map((i) => [i.id, i]));
    for (const row of rows) {
      assert.equal(row.text, byId.get(row.id)?.text);
      assert.equal(row.subject, byId.get(row.id)?.subject);
    }
    const [team] = await database.query<{ topic_ids: string[] }>(
      "SELECT topic_ids FROM teams WHERE id = $1",
      [generated.teams[0]?.id],
    );
    assert.deepEqual(team?.topic_ids, generated.teams[0]?.topicIds);
    const [hashes] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM employees WHERE password_hash IS NOT NULL",
    );
    assert.equal(hashes?.n, 0);
  });

  it("shows a resident's contacts, also those made by a representative, in their timeline", async () => {
    const timelineOf = (i: GeneratedMunicipality["interactions"][number]) =>
      i.involvement.representedPartyId ?? i.involvement.partyId;
    const represented = generated.interactions.find(
      (i) => i.direction === "inbound" && i.involvement.representedPartyId !== null,
    );
    const counts = new Map<string, number>();
    for (const i of generated.interactions) {
      const id = timelineOf(i);
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const partyId of [busiest, represented?.involvement.representedPartyId]) {
      assert.ok(partyId);
      const expected = generated.interactions.filter((i) => timelineOf(i) === partyId).map((i) => i.id);
      const rows = await database.query<{ interaction_id: string }>(
        `SELECT DISTINCT ip.interaction_id FROM interaction_parties ip JOIN interactions i ON i.id = ip.interaction_id
         WHERE ip.tenant_id = $1 AND ip.timeline_party_id = $2 AND ip.occurred_at = i.occurred_at`,
        [generated.tenant.id, partyId],
      );
      assert.deepEqual(rows.map((r) => r.interaction_id).sort(), [...expected].sort());
    }
    const roles = await database.query<{ role: string; party_id: string }>(
      "SELECT role, party_id FROM interaction_parties WHERE interaction_id = $1 ORDER BY role",
      [represented?.id],
    );
    assert.deepEqual(
      roles.map((r) => r.role),
      ["representative", "resident"],
    );
  });

  it("keeps anonymous contacts out of every timeline, with the name they gave", async () => {
    const anonymous = generated.interactions.find(
      (i) =>
        i.direction === "inbound" &&
        i.involvement.partyId === null &&
        i.involvement.representedPartyId === null,
    );
    assert.ok(anonymous, "the sample has an anonymous contact");
    const rows = await database.query<{
      party_id: string | null;
      timeline_party_id: string | null;
      contact_name: string;
    }>(
      "SELECT party_id, timeline_party_id, contact_name FROM interaction_parties WHERE interaction_id = $1",
      [anonymous.id],
    );
    assert.deepEqual(rows, [
      { party_id: null, timeline_party_id: null, contact_name: anonymous.involvement.contactName },
    ]);
  });

  it("loads each question's status history, in time order and ending in its status", async () => {
    const rows = await database.query<{ question_id: string; from_status: string; to_status: string }>(
      `SELECT question_id::text, from_status, to_status FROM question_status_changes ORDER BY question_id, at, id`,
    );
    const history = new Map<string, typeof rows>();
    for (const row of rows) history.set(row.question_id, [...(history.get(row.question_id) ?? []), row]);
    let changed = 0;
    for (const question of generated.questions) {
      const changes = history.get(question.id) ?? [];
      let status = "open";
      for (const change of changes) {
        assert.equal(change.from_status, status, `${question.reference} continues where it was`);
        assert.notEqual(change.to_status, change.from_status);
        status = change.to_status;
      }
      assert.equal(status, question.status, `${question.reference} ends in its status`);
      if (changes.length > 0) changed++;
    }
    assert.ok(changed > 0);
    assert.ok(rows.some((r) => r.from_status === "resolved" && r.to_status === "reopened"));
  });

  it("records a receipt per inbound contact with the ingest result", async () => {
    const first = generated.interactions.find((i) => i.direction === "inbound");
    assert.ok(first);
    const [receipt] = await database.query<{ result: Record<string, string> }>(
      "SELECT result FROM receipts WHERE tenant_id = $1 AND channel = $2 AND external_id = $3",
      [generated.tenant.id, first.channel, first.externalId],
    );
    const question = generated.questions.find((q) => q.id === first.questionId);
    assert.deepEqual(receipt?.result, {
      interactionId: first.id,
      questionId: first.questionId,
      questionReference: question?.reference,
      partyId: first.involvement.representedPartyId ?? first.involvement.partyId,
      threading: first.threading,
      suggestionCount: generated.threadingSuggestions.filter((s) => s.interactionId === first.id).length,
    });
  });
}

describe("loadMunicipality on embedded PGlite", () => {
  loadSuite(async () => {
    const database = await createDb({ kind: "embedded", dataDir: null });
    return { database, dispose: () => database.close() };
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
describe("loadMunicipality on PostgreSQL", {
  skip: adminUrl ? false : "set TEST_DATABASE_URL to run",
}, () => {
  loadSuite(async () => {
    const name = `omniloket_sim_test_${randomBytes(6).toString("hex")}`;
    const admin = await createDb({ kind: "postgres", url: adminUrl as string, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    const database = await createDb({ kind: "postgres", url: url.toString() });
    return {
      database,
      async dispose() {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.close();
      },
    };
  });
});
