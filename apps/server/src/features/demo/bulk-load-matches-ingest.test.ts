import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type IngestInteraction, ingestInteractionSchema } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import {
  type GeneratedInteraction,
  type GeneratedMunicipality,
  generateMunicipality,
  loadMunicipality,
  toIngestInput,
} from "@omniloket/sim";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";
import { ingestInteraction } from "../ingest";

/**
 * The demo is bulk-loaded for speed, but must hold exactly what the ingest use case would have written
 * for the same contacts. One database gets the bulk load; the other gets only what the municipality
 * knew before (organisation, parties, representations) and then every contact through ingest.
 *
 * Parties ingest creates itself (someone a representative named but who could not be found) get a
 * random id there, so every party is compared by id when it was known before, and otherwise by what
 * ingest wrote about it.
 */

type Labels = Map<string, string>;

async function partyLabels(database: Database, known: Set<string>): Promise<Labels> {
  const rows = await database.query<Record<string, string | null> & { id: string }>(
    `SELECT id::text, kind, identity_level, display_name, given_name, family_name_prefix, family_name,
            organisation_name, street, house_number, postcode, city
       FROM parties`,
  );
  return new Map(
    rows.map(({ id, ...rest }) => [id, known.has(id) ? id : `created by ingest: ${JSON.stringify(rest)}`]),
  );
}

function label(labels: Labels, id: string | null): string | null {
  if (id === null) return null;
  const found = labels.get(id);
  assert.ok(found, `party ${id} exists`);
  return found;
}

type Involvement = {
  contact: string;
  question_id: string;
  party_id: string | null;
  timeline_party_id: string | null;
  role: string;
  initiator: boolean;
  contact_name: string | null;
};

/** Every inbound contact with who it was recorded from and for (Betrokkene), in a fixed order. */
async function involvements(database: Database, labels: Labels) {
  const rows = await database.query<Involvement>(
    `SELECT i.channel || ':' || i.external_id AS contact, i.question_id::text, ip.party_id::text,
            ip.timeline_party_id::text, ip.role, ip.initiator, ip.contact_name
       FROM interactions i JOIN interaction_parties ip ON ip.interaction_id = i.id
      WHERE i.direction = 'inbound'
      ORDER BY i.channel, i.external_id, ip.role`,
  );
  return rows.map((row) => ({
    ...row,
    party_id: label(labels, row.party_id),
    timeline_party_id: label(labels, row.timeline_party_id),
  }));
}

/** Which contacts share a question, independent of the question ids each path chose. */
function partition(rows: Array<{ contact: string; question_id: string }>): string[] {
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    const group = groups.get(row.question_id) ?? new Set();
    group.add(row.contact);
    groups.set(row.question_id, group);
  }
  return [...groups.values()].map((g) => [...g].sort().join(" ")).sort();
}

/** Each question, named by its first inbound contact: reference, resident, topic, team, confidentiality, due time. */
async function questionFacts(database: Database, labels: Labels) {
  const rows = await database.query<{
    contact: string;
    reference: string;
    resident_party_id: string | null;
    topic_id: string | null;
    team_id: string | null;
    confidential: boolean;
    due_at: string | null;
  }>(
    `SELECT min(i.channel || ':' || i.external_id) AS contact, q.reference, q.resident_party_id::text, q.topic_id,
            q.team_id::text, q.confidential, to_char(q.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS due_at
       FROM questions q JOIN interactions i ON i.question_id = q.id AND i.direction = 'inbound'
      GROUP BY q.id`,
  );
  return rows
    .map((row) => ({ ...row, resident_party_id: label(labels, row.resident_party_id) }))
    .sort((a, b) => (a.contact < b.contact ? -1 : 1));
}

/** How ingest threaded each inbound contact and whom it recorded as its resident (the receipt). */
async function receipts(database: Database, labels: Labels) {
  const rows = await database.query<{ contact: string; threading: string; party_id: string | null }>(
    `SELECT r.channel || ':' || r.external_id AS contact, r.result->>'threading' AS threading,
            r.result->>'partyId' AS party_id
       FROM receipts r JOIN interactions i ON i.channel = r.channel AND i.external_id = r.external_id
      WHERE i.direction = 'inbound'
      ORDER BY 1`,
  );
  return rows.map((row) => ({ ...row, party_id: label(labels, row.party_id) }));
}

/** Quoted references of someone else's question: a suggestion, never threading (DESIGN §5). */
async function referenceSuggestions(database: Database) {
  const rows = await database.query<{ contact: string; suggested: string }>(
    `SELECT i.channel || ':' || i.external_id AS contact,
            (SELECT min(o.channel || ':' || o.external_id) FROM interactions o
              WHERE o.question_id = s.question_id AND o.direction = 'inbound') AS suggested
       FROM threading_suggestions s JOIN interactions i ON i.id = s.interaction_id
      WHERE s.reason = 'reference-from-other-party'`,
  );
  return rows.map((row) => `${row.contact} -> ${row.suggested}`).sort();
}

async function identifiers(database: Database, labels: Labels) {
  const rows = await database.query<{ party_id: string; kind: string; value: string; verification: string }>(
    "SELECT party_id::text, kind, value, verification FROM party_identifiers",
  );
  return rows
    .map((row) => `${label(labels, row.party_id)} ${row.kind} ${row.value} ${row.verification}`)
    .sort();
}

/**
 * A reply, sent through ingest only to recreate what later contacts depend on: its question's
 * activity and, for an email, the Message-ID a resident's reply refers to. Replies are not contacts
 * (staff write them, a job delivers them), so the test does not compare whom they name: the input
 * names nobody, and ingest neither identifies nor creates a party for them.
 */
function replyInput(interaction: GeneratedInteraction, questionId: string): IngestInteraction {
  return ingestInteractionSchema.parse({
    channel: interaction.channel,
    externalId: interaction.externalId,
    occurredAt: interaction.occurredAt.toISOString(),
    direction: "outbound",
    subject: interaction.subject ?? undefined,
    text: interaction.text,
    language: interaction.language,
    threadKey: interaction.threadKey ?? undefined,
    questionId,
    sender: { identifiers: [] },
  });
}

for (const backend of testBackends()) {
  describe(`the demo's bulk load writes the same rows as the ingest use case (${backend.name})`, () => {
    let generated: GeneratedMunicipality;
    let bulk: Database & { drop(): Promise<void> };
    let replayed: Database & { drop(): Promise<void> };
    let bulkLabels: Labels;
    let replayedLabels: Labels;

    before(async () => {
      // A small sample; this seed has every case below (see the first test), which a change to the generator may move.
      generated = generateMunicipality({ seed: 5, residents: 150, months: 3 });
      bulk = await backend.open();
      await loadMunicipality(bulk, generated);

      // What the municipality knew before the window: not the parties and addresses ingest added at a contact.
      const knownBefore = generated.parties
        .filter((party) => party.createdByInteractionId === null)
        .map((party) => ({
          ...party,
          identifiers: party.identifiers.filter((identifier) => identifier.createdByInteractionId === null),
        }));
      replayed = await backend.open();
      await loadMunicipality(replayed, {
        ...generated,
        parties: knownBefore,
        questions: [],
        interactions: [],
        tasks: [],
        threadingSuggestions: [],
      });
      const deps = testDeps(replayed);
      const questionIds = new Map<string, string>();
      const mapped = (questionId: string) => {
        const id = questionIds.get(questionId);
        assert.ok(id, `question ${questionId} was opened earlier in the replay`);
        return id;
      };
      // generated.interactions is in the order the contacts happened: the order to ingest them in.
      for (const interaction of generated.interactions) {
        let input: IngestInteraction;
        if (interaction.direction === "inbound") {
          input = toIngestInput(generated, interaction);
          if (input.questionId) input = { ...input, questionId: mapped(input.questionId) };
        } else {
          input = replyInput(interaction, mapped(interaction.questionId));
        }
        const result = await ingestInteraction(deps, { tenantId: generated.tenant.id, interaction: input });
        if (!questionIds.has(interaction.questionId))
          questionIds.set(interaction.questionId, result.questionId);
      }
      const known = new Set(knownBefore.map((party) => party.id));
      bulkLabels = await partyLabels(bulk, known);
      replayedLabels = await partyLabels(replayed, known);
    });
    after(async () => {
      await bulk?.drop();
      await replayed?.drop();
    });

    it("has anonymous contacts, representatives, parties known only by name and every kind of threading", () => {
      const inbound = generated.interactions.filter((i) => i.direction === "inbound");
      assert.ok(inbound.some((i) => i.involvement.partyId === null));
      assert.ok(inbound.some((i) => i.involvement.representedPartyId !== null));
      assert.ok(generated.parties.some((p) => p.createdByInteractionId !== null));
      for (const threading of ["explicit", "reference", "thread-key", "new"])
        assert.ok(
          inbound.some((i) => i.threading === threading),
          threading,
        );
      assert.ok(generated.threadingSuggestions.some((s) => s.reason === "reference-from-other-party"));
    });

    it("records every inbound contact from and for the same parties, with the same role", async () => {
      const strip = (rows: Involvement[]) => rows.map(({ question_id: _, ...rest }) => rest);
      assert.deepEqual(
        strip(await involvements(replayed, replayedLabels)),
        strip(await involvements(bulk, bulkLabels)),
      );
    });

    it("groups the contacts into the same questions, threaded the same way", async () => {
      assert.deepEqual(
        partition(await involvements(replayed, replayedLabels)),
        partition(await involvements(bulk, bulkLabels)),
      );
      assert.deepEqual(await receipts(replayed, replayedLabels), await receipts(bulk, bulkLabels));
      assert.deepEqual(await referenceSuggestions(replayed), await referenceSuggestions(bulk));
    });

    it("gives each question the same reference, resident, topic, team, confidentiality and due time", async () => {
      assert.deepEqual(await questionFacts(replayed, replayedLabels), await questionFacts(bulk, bulkLabels));
    });

    it("ends with the same parties, addresses and question numbers drawn", async () => {
      const created = (labels: Labels) => [...labels.values()].filter((l) => l.startsWith("created")).sort();
      assert.deepEqual(created(replayedLabels), created(bulkLabels));
      assert.deepEqual(await identifiers(replayed, replayedLabels), await identifiers(bulk, bulkLabels));
      const sequence = (database: Database) =>
        database.query<{ last: string }>("SELECT last_value::text AS last FROM question_reference_seq");
      assert.deepEqual(await sequence(replayed), await sequence(bulk));
    });
  });
}
