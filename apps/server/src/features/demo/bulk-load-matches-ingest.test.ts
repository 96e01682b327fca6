import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestInteraction } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import {
  type GeneratedMunicipality,
  generateMunicipality,
  loadMunicipality,
  toIngestInput,
} from "@omniloket/sim";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";
import { ingestInteraction } from "../ingest";

type Row = {
  external_id: string;
  channel: string;
  direction: string;
  question_id: string;
  timeline_party_id: string | null;
  role: string;
};

async function contactRows(database: Database): Promise<Row[]> {
  return database.query<Row>(
    `SELECT i.external_id, i.channel, i.direction, i.question_id::text, ip.timeline_party_id::text, ip.role
       FROM interactions i JOIN interaction_parties ip ON ip.interaction_id = i.id
      WHERE i.direction = 'inbound'
      ORDER BY i.channel, i.external_id, ip.role`,
  );
}

/** Which contacts share a question, independent of the question ids each path chose. */
function partition(rows: Row[]): string[] {
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    const group = groups.get(row.question_id) ?? new Set();
    group.add(`${row.channel}:${row.external_id}`);
    groups.set(row.question_id, group);
  }
  return [...groups.values()].map((g) => [...g].sort().join(" ")).sort();
}

const [backend] = testBackends();

describe("the demo's bulk load writes the same rows as the ingest use case", () => {
  let generated: GeneratedMunicipality;
  let bulk: Database & { drop(): Promise<void> };
  let replayed: Database & { drop(): Promise<void> };

  before(async () => {
    if (!backend) throw new Error("no backend");
    generated = generateMunicipality({ seed: 7, residents: 150, months: 3 });
    bulk = await backend.open();
    await loadMunicipality(bulk, generated);

    // The same municipality and residents, then every contact replayed through ingest in time order.
    replayed = await backend.open();
    await loadMunicipality(replayed, { ...generated, questions: [], interactions: [], tasks: [] });
    const deps = testDeps(replayed);
    const questionIds = new Map<string, string>();
    const ordered = [...generated.interactions].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id),
    );
    for (const interaction of ordered) {
      let input: IngestInteraction;
      if (interaction.direction === "inbound") {
        input = toIngestInput(generated, interaction);
        if (input.questionId) input = { ...input, questionId: questionIds.get(input.questionId) };
      } else {
        const sent = questionIds.get(interaction.questionId);
        if (!sent) continue;
        input = toIngestInput(
          generated,
          generated.interactions.find(
            (i) => i.questionId === interaction.questionId && i.direction === "inbound",
          ) ?? interaction,
        );
        input = {
          ...input,
          channel: interaction.channel,
          externalId: interaction.externalId,
          direction: "outbound",
          occurredAt: interaction.occurredAt.toISOString(),
          subject: interaction.subject ?? undefined,
          text: interaction.text,
          threadKey: interaction.threadKey ?? undefined,
          inReplyTo: [],
          questionId: sent,
          attachments: [],
        };
      }
      const result = await ingestInteraction(deps, { tenantId: generated.tenant.id, interaction: input });
      if (!questionIds.has(interaction.questionId))
        questionIds.set(interaction.questionId, result.questionId);
    }
  });
  after(async () => {
    await bulk.drop();
    await replayed.drop();
  });

  it("puts every inbound contact in the same resident's timeline with the same role", async () => {
    const strip = (rows: Row[]) => rows.map(({ question_id: _, ...rest }) => rest);
    assert.deepEqual(strip(await contactRows(replayed)), strip(await contactRows(bulk)));
  });

  it("groups the contacts into the same questions", async () => {
    assert.deepEqual(partition(await contactRows(replayed)), partition(await contactRows(bulk)));
  });

  it("gives each question the same resident, topic and team", async () => {
    const facts = async (database: Database) =>
      (
        await database.query<{ key: string }>(
          `SELECT min(i.channel || ':' || i.external_id) || '|' || coalesce(q.resident_party_id::text, '-') || '|' || coalesce(q.topic_id, '-') || '|' || coalesce(q.team_id::text, '-') AS key
             FROM questions q JOIN interactions i ON i.question_id = q.id WHERE i.direction = 'inbound'
            GROUP BY q.id`,
        )
      )
        .map((r) => r.key)
        .sort();
    assert.deepEqual(await facts(replayed), await facts(bulk));
  });
});
