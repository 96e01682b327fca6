import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import { createDb, type Database } from "@omniloket/db";
import { createApp } from "../../app";
import { createBaseApp, createRouter } from "../../platform/http/create-app";
import type { App } from "../../platform/http/types";
import { createLogger } from "../../platform/log";
import { testBackends } from "../../test-support/backends";
import { type Client, client, createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { createApiToken } from "../accounts";
import { closeLiveStreams } from "./close-live-streams";
import { registerLiveRoutes } from "./live.routes";
import { eventFor, openStream, sessionHeaders, type TestStream } from "./live.test-helpers";
import { liveHubFor } from "./live-event-hub";

const log = createLogger("silent");

function contact(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: "email",
    externalId,
    text: "Goedendag, ik heb een vraag.",
    topicId: "afval",
    sender: { identifiers: [{ kind: "email", value: `${externalId}@voorbeeld.test` }] },
    ...overrides,
  };
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

for (const backend of testBackends()) {
  describe(`live stream (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let system: Client;
    let agentHeaders: Record<string, string>;
    const open: TestStream[] = [];

    const ingest = async (body: Record<string, unknown>, via: Client = system) => {
      const response = await via.post("/api/v1/interactions", body);
      assert.equal(response.status, 201);
      return (await response.json()) as IngestResult;
    };
    const stream = async (headers: Record<string, string>, on: App = app) => {
      const s = await openStream(on, headers);
      open.push(s);
      return s;
    };

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "live");
      system = client(app, { token: tenant.token });
      agentHeaders = await sessionHeaders(app, "agent@live.test");
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await waitUntil(() => liveHubFor(database, log).size === 0, "every stream to unsubscribe");
    });
    after(() => database.drop());

    it("sends an agent interaction.created with the question id and an id line", async () => {
      const s = await stream(agentHeaders);
      assert.equal(s.response.status, 200);
      assert.match(s.response.headers.get("content-type") ?? "", /^text\/event-stream/);
      const result = await ingest(contact("created-1"));
      const frame = await s.waitFor(eventFor(result.questionId), "interaction.created");
      assert.match(frame.id ?? "", /^\d+$/);
      assert.deepEqual(JSON.parse(frame.data ?? ""), {
        questionId: result.questionId,
        interactionId: result.interactionId,
        teamId: tenant.teams.general,
      });
      assert.ok(s.frames[0]?.retry, "the first frame tells the browser how soon to reconnect");
      assert.doesNotMatch(frame.data ?? "", /voorbeeld\.test|Goedendag/, "ids only, never personal data");
    });

    it("keeps a youth question's events from an agent outside the youth team", async () => {
      const agent = await stream(agentHeaders);
      const youthAgent = await stream(await sessionHeaders(app, "jeugd@live.test"));
      const youth = await ingest(contact("youth-1", { topicId: "jeugd", text: "Vraag over jeugdhulp" }));
      const general = await ingest(contact("after-youth-1"));

      await youthAgent.waitFor(eventFor(youth.questionId), "the youth event for the youth agent");
      await agent.waitFor(eventFor(general.questionId), "the later general event");
      assert.equal(agent.events().filter(eventFor(youth.questionId)).length, 0);
    });

    it("keeps municipalities strictly apart", async () => {
      const other = await createTestTenant(database, "live-other");
      const theirAgent = await stream(await sessionHeaders(app, "agent@live-other.test"));
      const ours = await stream(agentHeaders);
      const mine = await ingest(contact("tenant-ours"));
      const theirs = await ingest(contact("tenant-theirs"), client(app, { token: other.token }));

      await theirAgent.waitFor(eventFor(theirs.questionId), "the other municipality's own event");
      await ours.waitFor(eventFor(mine.questionId), "our own event");
      assert.deepEqual(
        theirAgent.events().map((f) => JSON.parse(f.data ?? "").questionId),
        [theirs.questionId],
      );
      assert.equal(ours.events().filter(eventFor(theirs.questionId)).length, 0);
    });

    it("replays missed events after Last-Event-ID, then continues live, without duplicates", async () => {
      const first = await stream(agentHeaders);
      const seen = await ingest(contact("resume-1"));
      const lastId = (await first.waitFor(eventFor(seen.questionId), "the first event")).id ?? "";
      await first.close();

      const missed = [await ingest(contact("resume-2")), await ingest(contact("resume-3"))];
      const resumed = await stream({ ...agentHeaders, "last-event-id": lastId });
      for (const m of missed) await resumed.waitFor(eventFor(m.questionId), "a replayed event");
      const live = await ingest(contact("resume-4"));
      await resumed.waitFor(eventFor(live.questionId), "the live event after the replay");

      const ids = resumed.events().map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length, "no event twice");
      assert.equal(resumed.events().filter(eventFor(seen.questionId)).length, 0, "nothing already seen");
      assert.deepEqual(
        resumed.events().map((f) => JSON.parse(f.data ?? "").questionId),
        [...missed, live].map((r) => r.questionId),
        "in order",
      );
      assert.ok(ids.every((id) => BigInt(id ?? 0) > BigInt(lastId)));
    });

    it("gives a fresh stream a resume point, so a reconnect misses nothing", async () => {
      const before = await ingest(contact("start-1"));
      const s = await stream(agentHeaders);
      const startId = s.frames[0]?.id ?? (await s.waitFor((f) => f.retry !== undefined, "the preamble")).id;
      assert.match(startId ?? "", /^\d+$/);
      await s.close();
      const during = await ingest(contact("start-2"));
      const resumed = await stream({ ...agentHeaders, "last-event-id": startId ?? "" });
      await resumed.waitFor(eventFor(during.questionId), "the event missed while away");
      assert.equal(resumed.events().filter(eventFor(before.questionId)).length, 0);
    });

    it("refuses a malformed Last-Event-ID and an anonymous caller", async () => {
      const bad = await app.request("/api/v1/events", {
        headers: { ...agentHeaders, "last-event-id": "abc" },
      });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get("content-type") ?? "", /application\/problem\+json/);
      const anonymous = await app.request("/api/v1/events");
      assert.equal(anonymous.status, 401);
    });

    it("unsubscribes when the browser goes away (body cancelled)", async () => {
      const response = await app.request("/api/v1/events", { headers: agentHeaders });
      assert.equal(liveHubFor(database, log).size, 1);
      await response.body?.cancel();
      await waitUntil(() => liveHubFor(database, log).size === 0, "the hub to drop the stream");
    });

    it("ends every stream on shutdown, so the HTTP server can close", async () => {
      const a = await stream(agentHeaders);
      const b = await stream({ authorization: `Bearer ${tenant.token}` });
      await closeLiveStreams({ database, log });
      await Promise.all([a.ended, b.ended]);
      assert.equal(liveHubFor(database, log).size, 0);
      const again = await stream(agentHeaders);
      const result = await ingest(contact("after-shutdown"));
      await again.waitFor(eventFor(result.questionId), "an event on a stream opened afterwards");
    });

    describe("with a short heartbeat and a small replay", () => {
      let quick: App;
      before(() => {
        quick = createBaseApp(testDeps(database));
        const api = createRouter(testDeps(database));
        registerLiveRoutes(api, testDeps(database), { heartbeatMs: 30, replayLimit: 2 });
        quick.route("/api/v1", api);
      });

      it("sends a heartbeat comment on an idle stream", async () => {
        const s = await stream({ authorization: `Bearer ${tenant.token}` }, quick);
        await s.waitFor((f) => f.comment === "ping", "a heartbeat", 2_000);
      });

      it("asks the browser to reload when more was missed than is replayed", async () => {
        const system = { authorization: `Bearer ${tenant.token}` };
        const first = await stream(system, quick);
        const startId = (await first.waitFor((f) => f.retry !== undefined, "the preamble")).id ?? "";
        await first.close();
        const missed = [];
        for (const n of [1, 2, 3]) missed.push(await ingest(contact(`resync-${n}`)));
        const resumed = await stream({ ...system, "last-event-id": startId }, quick);
        await resumed.waitFor(eventFor(missed[2]?.questionId ?? ""), "the newest missed event");
        assert.deepEqual(
          resumed.frames.filter((f) => f.event).map((f) => f.event),
          ["resync", "interaction.created", "interaction.created"],
        );
      });

      it("gives an analyst heartbeats but no events about residents' questions", async () => {
        const { token } = await createApiToken(database.db, {
          tenantId: tenant.tenantId,
          name: "dashboard",
          roles: ["analyst"],
        });
        const analyst = await stream({ authorization: `Bearer ${token}` }, quick);
        const witness = await stream({ authorization: `Bearer ${tenant.token}` }, quick);
        const result = await ingest(contact("analyst-1"));
        await witness.waitFor(eventFor(result.questionId), "the event on a system stream");
        const pingsSoFar = analyst.frames.length;
        await analyst.waitFor(
          (f) => analyst.frames.indexOf(f) >= pingsSoFar && f.comment === "ping",
          "a ping",
        );
        assert.equal(analyst.events().length, 0);
      });
    });

    if (backend.name === "postgres") {
      it("reaches a stream on another server process through LISTEN/NOTIFY", async () => {
        const [row] = await database.query<{ name: string }>("SELECT current_database() AS name");
        const url = new URL(process.env.TEST_DATABASE_URL ?? "");
        url.pathname = `/${row?.name}`;
        const second = await createDb({ kind: "postgres", url: url.toString() });
        try {
          const otherApp = createApp(testDeps(second));
          const s = await stream(await sessionHeaders(otherApp, "agent@live.test"), otherApp);
          const result = await ingest(contact("two-processes"));
          await s.waitFor(eventFor(result.questionId), "the event on the other process");
          await s.close();
          await waitUntil(() => liveHubFor(second, log).size === 0, "the second hub to empty");
        } finally {
          await second.close();
        }
      });
    }
  });
}
