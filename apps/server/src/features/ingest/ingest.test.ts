import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import { type Client, client, createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";

const tables = [
  "parties",
  "party_identifiers",
  "questions",
  "interactions",
  "interaction_parties",
  "receipts",
  "outbox",
];

async function counts(database: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    result[table] = Number(row?.n);
  }
  return result;
}

function emailContact(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: "email",
    externalId,
    subject: "Vraag over mijn aanslag",
    text: "Goedendag, ik heb een vraag over de aanslag gemeentelijke belastingen.",
    topicId: "belastingen",
    sender: {
      identifiers: [{ kind: "email", value: "Jan.Jansen@Voorbeeld.TEST" }],
      name: { givenName: "Jan", familyName: "Jansen" },
    },
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`ingest through the API channel (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let api: Client;

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, "ingest");
      api = client(createApp(testDeps(database)), { token: tenant.token });
    });
    after(() => database.drop());

    it("stores a contact once and returns the first result on a repeat", async () => {
      const first = await api.post("/api/v1/interactions", emailContact("msg-1"));
      assert.equal(first.status, 201);
      const firstBody = (await first.json()) as IngestResult;
      assert.equal(firstBody.repeated, false);
      assert.equal(firstBody.threading, "new");
      const before = await counts(database);

      const again = await api.post("/api/v1/interactions", emailContact("msg-1"));
      assert.equal(again.status, 200);
      const againBody = (await again.json()) as IngestResult;
      assert.equal(againBody.repeated, true);
      assert.equal(againBody.interactionId, firstBody.interactionId);
      assert.equal(againBody.questionReference, firstBody.questionReference);
      assert.deepEqual(await counts(database), before);
    });

    it("stores a contact posted 20 times concurrently exactly once", async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => api.post("/api/v1/interactions", emailContact("msg-concurrent"))),
      );
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as IngestResult[];
      assert.deepEqual(
        responses.map((r) => r.status).sort(),
        [200, ...Array(19).fill(200)].map((s, i) => (i === 0 ? 201 : s)).sort(),
      );
      assert.equal(new Set(bodies.map((b) => b.interactionId)).size, 1);
      const [row] = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM interactions WHERE external_id = 'msg-concurrent'",
      );
      assert.equal(row?.n, "1");
    });

    it("links the same exact address to the same address-based party", async () => {
      const a = (await (
        await api.post("/api/v1/interactions", emailContact("msg-a"))
      ).json()) as IngestResult;
      const b = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("msg-b", {
            sender: { identifiers: [{ kind: "email", value: "Jan.Jansen@voorbeeld.test" }] },
            topicId: "afval",
          }),
        )
      ).json()) as IngestResult;
      assert.equal(a.partyId, b.partyId);
      const [party] = await database.query<{ identity_level: string }>(
        "SELECT identity_level FROM parties WHERE id = $1",
        [a.partyId],
      );
      assert.equal(party?.identity_level, "address-based");
    });

    it("recognises a mobile number across calls and WhatsApp, and adds the WhatsApp address to that party", async () => {
      const call = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("nr-1", {
            channel: "phone",
            sender: { identifiers: [{ kind: "phone", value: "06 2345 6789" }] },
          }),
        )
      ).json()) as IngestResult;
      const chat = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("nr-2", {
            channel: "whatsapp",
            sender: { identifiers: [{ kind: "whatsapp", value: "+31623456789" }] },
          }),
        )
      ).json()) as IngestResult;
      assert.ok(call.partyId);
      assert.equal(chat.partyId, call.partyId);
      const kinds = await database.query<{ kind: string }>(
        "SELECT kind FROM party_identifiers WHERE party_id = $1 ORDER BY kind",
        [call.partyId],
      );
      assert.deepEqual(
        kinds.map((k) => k.kind),
        ["phone", "whatsapp"],
      );
    });

    it("offers an open question on the same topic as a suggestion instead of forcing it", async () => {
      const sender = { identifiers: [{ kind: "phone", value: "06 1234 5678" }] };
      const first = (await (
        await api.post("/api/v1/interactions", emailContact("sug-1", { sender, channel: "phone" }))
      ).json()) as IngestResult;
      const second = (await (
        await api.post("/api/v1/interactions", emailContact("sug-2", { sender, channel: "phone" }))
      ).json()) as IngestResult;
      assert.notEqual(second.questionId, first.questionId);
      assert.equal(second.suggestionCount, 1);
    });

    it("threads by thread key (an email reply to our message)", async () => {
      const first = (await (
        await api.post("/api/v1/interactions", emailContact("tk-1", { threadKey: "<abc@omniloket>" }))
      ).json()) as IngestResult;
      const reply = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("tk-2", { inReplyTo: ["<abc@omniloket>"], topicId: undefined }),
        )
      ).json()) as IngestResult;
      assert.equal(reply.threading, "thread-key");
      assert.equal(reply.questionId, first.questionId);
    });

    it("threads a quoted reference only for the question's own resident", async () => {
      const own = { identifiers: [{ kind: "email", value: "piet@voorbeeld.test" }] };
      const stranger = { identifiers: [{ kind: "email", value: "kees@voorbeeld.test" }] };
      const first = (await (
        await api.post("/api/v1/interactions", emailContact("ref-1", { sender: own, topicId: "afval" }))
      ).json()) as IngestResult;

      const fromStranger = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("ref-2", {
            sender: stranger,
            subject: `Re: ${first.questionReference}`,
            topicId: undefined,
          }),
        )
      ).json()) as IngestResult;
      assert.equal(fromStranger.threading, "new");
      assert.notEqual(fromStranger.questionId, first.questionId);
      assert.equal(fromStranger.suggestionCount, 1);

      const fromOwner = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("ref-3", {
            sender: own,
            channel: "whatsapp",
            text: `Over vraag ${first.questionReference}: nog geen antwoord`,
            topicId: undefined,
          }),
        )
      ).json()) as IngestResult;
      assert.equal(fromOwner.threading, "reference");
      assert.equal(fromOwner.questionId, first.questionId);
    });

    it("routes a question to the team of its topic, or to the general team when the topic is unknown", async () => {
      const taxed = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("route-1", {
            sender: { identifiers: [{ kind: "email", value: "r1@voorbeeld.test" }] },
          }),
        )
      ).json()) as IngestResult;
      const unknown = (await (
        await api.post(
          "/api/v1/interactions",
          emailContact("route-2", {
            topicId: undefined,
            sender: { identifiers: [{ kind: "email", value: "r2@voorbeeld.test" }] },
          }),
        )
      ).json()) as IngestResult;
      const rows = await database.query<{ id: string; team_id: string; due_at: Date | null }>(
        "SELECT id, team_id, due_at FROM questions WHERE id = ANY($1::uuid[])",
        [[taxed.questionId, unknown.questionId]],
      );
      assert.equal(rows.find((r) => r.id === taxed.questionId)?.team_id, tenant.teams.taxes);
      assert.equal(rows.find((r) => r.id === unknown.questionId)?.team_id, tenant.teams.general);
      assert.ok(rows.every((r) => r.due_at !== null));
    });

    it("stores attachments by sha256 through the storage port and quarantines executables", async () => {
      const deps = testDeps(database);
      const withFiles = client(createApp(deps), { token: tenant.token });
      const letter = Buffer.from("%PDF-1.4 bezwaarschrift");
      const response = await withFiles.post(
        "/api/v1/interactions",
        emailContact("att-1", {
          attachments: [
            {
              fileName: "../bezwaar.pdf",
              contentType: "application/pdf",
              contentBase64: letter.toString("base64"),
            },
            {
              fileName: "factuur.pdf.exe",
              contentType: "application/octet-stream",
              contentBase64: Buffer.from("MZ").toString("base64"),
            },
          ],
        }),
      );
      assert.equal(response.status, 201);
      const { interactionId } = (await response.json()) as IngestResult;
      const rows = await database.query<{
        file_name: string;
        sha256: string;
        quarantined: boolean;
        size_bytes: number;
      }>(
        "SELECT file_name, sha256, quarantined, size_bytes FROM attachments WHERE interaction_id = $1 ORDER BY file_name",
        [interactionId],
      );
      assert.deepEqual(
        rows.map((r) => [r.file_name, r.quarantined, r.size_bytes]),
        [
          ["bezwaar.pdf", false, letter.length],
          ["factuur.pdf.exe", true, 2],
        ],
      );
      const pdf = rows.find((r) => r.file_name === "bezwaar.pdf");
      assert.deepEqual(await deps.files.get(pdf?.sha256 ?? ""), letter);
    });

    describe("rejects bad input with problem+json naming the field and writes nothing", () => {
      const cases: Array<[string, unknown, string, number]> = [
        [
          "an invalid BSN",
          emailContact("bad-1", { sender: { identifiers: [{ kind: "bsn", value: "123456789" }] } }),
          "sender.identifiers.0.value",
          400,
        ],
        [
          "a malformed phone number",
          emailContact("bad-2", { sender: { identifiers: [{ kind: "phone", value: "12ab" }] } }),
          "sender.identifiers.0.value",
          400,
        ],
        ["an unknown channel", emailContact("bad-3", { channel: "pigeon" }), "channel", 400],
        ["an unknown topic", emailContact("bad-4", { topicId: "astrologie" }), "topicId", 400],
        [
          "an unknown question",
          emailContact("bad-5", { questionId: "00000000-0000-4000-8000-000000000000" }),
          "questionId",
          400,
        ],
      ];
      for (const [label, body, field, status] of cases) {
        it(label, async () => {
          const before = await counts(database);
          const response = await api.post("/api/v1/interactions", body);
          assert.equal(response.status, status);
          assert.match(response.headers.get("content-type") ?? "", /application\/problem\+json/);
          const problem = (await response.json()) as {
            invalidParams: Array<{ name: string }>;
            detail: string;
            status: number;
          };
          assert.equal(problem.status, status);
          assert.ok(
            problem.invalidParams.some((p) => p.name === field),
            JSON.stringify(problem),
          );
          assert.deepEqual(await counts(database), before);
        });
      }

      it("a body over the configured limit", async () => {
        const small = client(
          createApp(testDeps(database, { config: { ...testDeps(database).config, bodyLimitBytes: 2_000 } })),
          { token: tenant.token },
        );
        const before = await counts(database);
        const response = await small.post(
          "/api/v1/interactions",
          emailContact("bad-big", { text: "x".repeat(5_000) }),
        );
        assert.equal(response.status, 413);
        assert.match(response.headers.get("content-type") ?? "", /application\/problem\+json/);
        assert.equal(
          ((await response.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]?.name,
          "body",
        );
        assert.deepEqual(await counts(database), before);
      });

      it("a wrong content type", async () => {
        const before = await counts(database);
        const response = await api.post("/api/v1/interactions", emailContact("bad-type"), {
          "content-type": "text/plain",
        });
        assert.equal(response.status, 415);
        assert.equal(
          ((await response.json()) as { invalidParams: Array<{ name: string }> }).invalidParams[0]?.name,
          "content-type",
        );
        assert.deepEqual(await counts(database), before);
      });
    });
  });
}
