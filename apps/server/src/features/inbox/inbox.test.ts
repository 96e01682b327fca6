import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import type { InboxCount, InboxItem } from ".";
import { inboxPageQuery } from ".";

type Page = { items: InboxItem[]; nextCursor: string | null };
const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe(`the inbox: one queue across channels, due time first (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let youthAgent: Client;
    let n = 0;
    const ingest = async (body: Record<string, unknown>, via = system) => {
      const response = await via.post("/api/v1/interactions", {
        channel: "email",
        externalId: `inbox-${n++}`,
        text: "Vraag",
        topicId: "afval",
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const setQuestion = (id: string, set: string, params: unknown[] = []) =>
      database.query(`UPDATE questions SET ${set} WHERE id = $1`, [id, ...params]);
    const inbox = async (as: Client, query = "") => {
      const response = await as.get(`/api/v1/inbox${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Page;
    };
    const allPages = async (as: Client, query: string, limit: number) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const page: Page = await inbox(
          as,
          `?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        assert.ok(page.items.length <= limit);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return ids;
    };

    // Questions in the general queue, in the order the inbox must show them.
    const expected: string[] = [];
    let overdue: IngestResult;
    let whatsapp: IngestResult;
    let youth: IngestResult;
    let resolved: IngestResult;
    let merged: IngestResult;

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "inbox");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@inbox.test");
      youthAgent = await logInAs(app, "jeugd@inbox.test");
      const now = Date.now();

      overdue = await ingest({
        sender: {
          identifiers: [{ kind: "email", value: "te.laat@voorbeeld.test" }],
          name: { familyName: "Laat" },
        },
      });
      await setQuestion(overdue.questionId, "due_at = $2", [new Date(now - 2 * HOUR)]);
      whatsapp = await ingest({
        channel: "whatsapp",
        sender: { identifiers: [{ kind: "whatsapp", value: "+31612345678" }] },
      });
      await setQuestion(whatsapp.questionId, "due_at = $2", [new Date(now + 1 * HOUR)]);
      // The same resident writes again on email: one question, two channels.
      await ingest({
        questionId: whatsapp.questionId,
        sender: { identifiers: [{ kind: "email", value: "wa@voorbeeld.test" }] },
      });
      // Five with the same due time (ties broken by last activity, then id) and two without a due time.
      const same = new Date(now + 3 * HOUR);
      const tied: IngestResult[] = [];
      for (let i = 0; i < 5; i++) {
        const q = await ingest({
          sender: { identifiers: [{ kind: "email", value: `tie${i}@voorbeeld.test` }] },
        });
        await setQuestion(q.questionId, "due_at = $2, last_activity_at = $3", [
          same,
          new Date(now - (10 - i) * 60_000),
        ]);
        tied.push(q);
      }
      const undated: IngestResult[] = [];
      for (let i = 0; i < 2; i++) {
        const q = await ingest({
          sender: { identifiers: [{ kind: "email", value: `nodue${i}@voorbeeld.test` }] },
        });
        await setQuestion(q.questionId, "due_at = NULL, last_activity_at = $2", [
          new Date(now - (5 - i) * 60_000),
        ]);
        undated.push(q);
      }
      expected.push(overdue.questionId, whatsapp.questionId, ...tied.map((q) => q.questionId));
      expected.push(...undated.map((q) => q.questionId));

      resolved = await ingest({
        sender: { identifiers: [{ kind: "email", value: "klaar@voorbeeld.test" }] },
      });
      await setQuestion(resolved.questionId, "status = 'resolved', resolved_at = now()");
      merged = await ingest({ sender: { identifiers: [{ kind: "email", value: "samen@voorbeeld.test" }] } });
      await setQuestion(merged.questionId, "merged_into_id = $2", [overdue.questionId]);
      youth = await ingest({
        topicId: "jeugd",
        sender: { identifiers: [{ kind: "email", value: "ouder@voorbeeld.test" }] },
      });
      await setQuestion(youth.questionId, "due_at = $2", [new Date(now - 3 * HOUR)]);
    });
    after(() => database.drop());

    it("puts overdue questions on top, then by due time, none last; merged and resolved never", async () => {
      const page = await inbox(agent, `?teamId=${tenant.teams.general}`);
      assert.deepEqual(
        page.items.map((i) => i.id),
        expected,
      );
      assert.equal(page.nextCursor, null);
      const first = page.items[0];
      assert.equal(first?.reference, overdue.questionReference);
      assert.equal(first?.residentPartyId, overdue.partyId);
      assert.equal(first?.residentName, "Laat");
      assert.equal(first?.status, "open");
      assert.ok(first?.dueAt && new Date(first.dueAt).getTime() < Date.now());
      const wa = page.items[1];
      assert.deepEqual([wa?.channels, wa?.lastChannel], [["whatsapp", "email"], "email"]);
    });

    it("pages by keyset without duplicates or gaps, at every page size", async () => {
      const all = (await inbox(agent, "?limit=200")).items.map((i) => i.id);
      for (const limit of [1, 2, 3, 4]) {
        const paged = await allPages(agent, "", limit);
        assert.deepEqual(paged, all, `limit ${limit}`);
        assert.equal(new Set(paged).size, paged.length);
      }
    });

    it("filters by channel, topic and status", async () => {
      assert.deepEqual(
        (await inbox(agent, "?channel=whatsapp")).items.map((i) => i.id),
        [whatsapp.questionId],
      );
      assert.deepEqual((await inbox(agent, "?topicId=jeugd")).items, []);
      assert.deepEqual(
        (await inbox(agent, "?status=resolved")).items.map((i) => i.id),
        [resolved.questionId],
      );
      await setQuestion(whatsapp.questionId, "status = 'waiting-on-resident'");
      assert.deepEqual(
        (await inbox(agent, "?status=waiting-on-resident")).items.map((i) => i.id),
        [whatsapp.questionId],
      );
      assert.ok(!(await inbox(agent, "?status=open")).items.some((i) => i.id === whatsapp.questionId));
      assert.ok(
        (await inbox(agent)).items.some((i) => i.id === whatsapp.questionId),
        "default: all but resolved",
      );
      await setQuestion(whatsapp.questionId, "status = 'open'");
    });

    it("rejects bad parameters as problem+json 400", async () => {
      for (const query of [
        "?status=closed",
        "?limit=201",
        "?teamId=nope",
        "?cursor=bogus",
        "?channel=pigeon",
      ]) {
        const response = await agent.get(`/api/v1/inbox${query}`);
        assert.equal(response.status, 400, query);
        assert.match(response.headers.get("content-type") ?? "", /problem\+json/);
        assert.ok(response.headers.get("api-version"));
      }
    });

    it("never shows a youth question to an agent outside the youth team, in the list or the counts", async () => {
      const agentIds = (await inbox(agent, "?limit=200")).items.map((i) => i.id);
      assert.ok(!agentIds.includes(youth.questionId));
      const youthPage = await inbox(youthAgent, `?teamId=${tenant.teams.youth}`);
      assert.deepEqual(
        youthPage.items.map((i) => i.id),
        [youth.questionId],
      );
      const agentCounts = (await (await agent.get("/api/v1/inbox/counts")).json()) as { items: InboxCount[] };
      assert.ok(!agentCounts.items.some((c) => c.teamId === tenant.teams.youth));
      const youthCounts = (await (await youthAgent.get("/api/v1/inbox/counts")).json()) as {
        items: InboxCount[];
      };
      assert.deepEqual(
        youthCounts.items.find((c) => c.teamId === tenant.teams.youth),
        { teamId: tenant.teams.youth, teamName: "Jeugd", status: "open", count: 1, overdue: 1 },
      );
      // A confidential question in the general queue is for the general team only.
      await setQuestion(whatsapp.questionId, "confidential = true");
      assert.ok(!(await inbox(youthAgent, "?limit=200")).items.some((i) => i.id === whatsapp.questionId));
      assert.ok((await inbox(agent, "?limit=200")).items.some((i) => i.id === whatsapp.questionId));
      await setQuestion(whatsapp.questionId, "confidential = false");
    });

    it("counts unresolved questions per queue, with the overdue ones", async () => {
      const response = await agent.get("/api/v1/inbox/counts");
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: InboxCount[] };
      assert.deepEqual(
        items.find((c) => c.teamId === tenant.teams.general && c.status === "open"),
        {
          teamId: tenant.teams.general,
          teamName: "KCC",
          status: "open",
          count: expected.length,
          overdue: 1,
        },
      );
    });

    it("audit-logs the list read once, with every resident on the page", async () => {
      const page = await inbox(agent, `?teamId=${tenant.teams.general}`);
      const [row] = await database.query<{ party_ids: string[]; purpose: string; object_ids: string[] }>(
        "SELECT party_ids, purpose, object_ids FROM audit_events WHERE tenant_id = $1 AND action = 'inbox.read' ORDER BY id DESC LIMIT 1",
        [tenant.tenantId],
      );
      const partyIds = page.items.map((i) => i.residentPartyId);
      assert.deepEqual([...(row?.party_ids ?? [])].sort(), [...new Set(partyIds)].sort());
      assert.equal(row?.purpose, "contact-handling");
      assert.deepEqual(
        row?.object_ids,
        page.items.map((i) => i.id),
      );
      const before = await database.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'inbox.read'",
      );
      await agent.get("/api/v1/inbox/counts");
      const afterCounts = await database.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'inbox.read'",
      );
      assert.equal(afterCounts[0]?.n, before[0]?.n, "counts carry no personal data");
    });

    it("keeps municipalities apart", async () => {
      const other = await createTestTenant(database, "inbox-ander");
      const otherAgent = await logInAs(app, "agent@inbox-ander.test");
      assert.deepEqual((await inbox(otherAgent, "?limit=200")).items, []);
      assert.deepEqual(
        ((await (await otherAgent.get("/api/v1/inbox/counts")).json()) as { items: unknown[] }).items,
        [],
      );
      const mine = await ingest(
        { sender: { identifiers: [{ kind: "email", value: "te.laat@voorbeeld.test" }] } },
        client(app, { token: other.token }),
      );
      assert.deepEqual(
        (await inbox(otherAgent)).items.map((i) => i.id),
        [mine.questionId],
      );
      assert.ok(!(await inbox(agent, "?limit=200")).items.some((i) => i.id === mine.questionId));
    });

    it("reads a page by an index range scan, without sorting the table", async () => {
      for (const filter of [{}, { teamId: tenant.teams.general }]) {
        const plan = await database.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL enable_seqscan = off`);
          await tx.execute(sql`SET LOCAL enable_sort = off`);
          const query = inboxPageQuery(tenant.tenantId, sql`TRUE`, filter, undefined, 50);
          const result = (await tx.execute(sql`EXPLAIN ${query}`)) as unknown as {
            rows: Array<{ "QUERY PLAN": string }>;
          };
          return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
        });
        const index = "teamId" in filter ? "questions_inbox_team_queue_idx" : "questions_inbox_queue_idx";
        assert.match(plan, new RegExp(index), plan);
        assert.doesNotMatch(plan, /Sort/, plan);
      }
    });
  });
}
