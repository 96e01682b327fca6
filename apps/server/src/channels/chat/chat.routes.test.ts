import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { type ChannelSender, deliverPendingMessages, type OutboundMessage } from "../../features/delivery";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  TEST_PASSWORD,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { dataOf, enableChat, openEventStream, SITE, visitor } from "./chat.test-helpers";

let lastIp = 0;
const newIp = () => `198.51.100.${++lastIp}`;

function recordingSender(): ChannelSender & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel: "email",
    sent,
    async send(message) {
      sent.push(message);
      return { providerMessageId: `provider-${sent.length}` };
    },
  };
}

for (const backend of testBackends()) {
  describe(`web chat, visitor and employee (${backend.name})`, () => {
    const slug = "chatstad";
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let deps: AppDeps;
    let app: App;
    let agent: Client;
    let cookie = "";
    let offsetMs = 0;

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, slug);
      await enableChat(database, tenant.tenantId, slug);
      deps = testDeps(database, { clock: () => new Date(Date.now() + offsetMs) });
      app = createApp(deps, {
        chat: { sessionLimit: { capacity: 5, refillPerSecond: 0.001 }, recheckMs: 100, heartbeatMs: 60_000 },
      });
      ({ agent, cookie } = await logIn(app, `agent@${slug}.test`));
    });
    after(() => database.drop());

    it("starts a chat as one anonymous contact on channel chat in one new question", async () => {
      const v = visitor(app, slug, newIp());
      const started = await v.start({ topicId: "afval", language: "nl" });
      assert.match(started.questionReference, /^V-/);
      assert.ok(started.token.length >= 40);
      const rows = await database.query<{
        channel: string;
        reference: string;
        resident_party_id: string | null;
        status: string;
      }>(
        `SELECT i.channel, q.reference, q.resident_party_id, s.status
           FROM chat_sessions s JOIN questions q ON q.id = s.question_id JOIN interactions i ON i.id = s.interaction_id
          WHERE s.id = $1`,
        [started.sessionId],
      );
      assert.deepEqual(rows, [
        { channel: "chat", reference: started.questionReference, resident_party_id: null, status: "waiting" },
      ]);
      const [stored] = await database.query<{ visitor_token_hash: string }>(
        "SELECT visitor_token_hash FROM chat_sessions WHERE id = $1",
        [started.sessionId],
      );
      assert.notEqual(stored?.visitor_token_hash, started.token);
      const [questions] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM interactions WHERE channel = 'chat' AND question_id = (SELECT question_id FROM chat_sessions WHERE id = $1)",
        [started.sessionId],
      );
      assert.equal(questions?.n, 1);
    });

    it("refuses an unknown topic and an unknown municipality", async () => {
      const v = visitor(app, slug, newIp());
      const bad = await v.post("/sessions", { topicId: "bestaat-niet" });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get("content-type") ?? "", /application\/problem\+json/);
      const nowhere = visitor(app, "nergensstad", newIp());
      assert.equal((await nowhere.post("/sessions", {})).status, 404);
    });

    it("carries messages both ways on the visitor's and the employee's streams", async () => {
      const v = visitor(app, slug, newIp());
      const { questionReference } = await v.start();
      const [question] = await database.query<{ id: string }>(
        "SELECT id FROM questions WHERE reference = $1",
        [questionReference],
      );
      const visitorStream = await v.stream();
      const employeeStream = await openEventStream(app, "/api/v1/events", { cookie });
      try {
        assert.equal(visitorStream.response.status, 200);
        assert.equal(visitorStream.response.headers.get("access-control-allow-origin"), SITE);
        const waiting = await visitorStream.waitFor((f) => f.event === "status", "waiting status");
        assert.equal(dataOf<{ status: string; position: number }>(waiting).status, "waiting");
        assert.ok(dataOf<{ position: number }>(waiting).position >= 1);

        assert.equal((await v.send("messages", { text: "Mijn container is niet geleegd." })).status, 201);
        await visitorStream.waitFor(
          (f) =>
            f.event === "message" && dataOf<{ text: string }>(f).text === "Mijn container is niet geleegd.",
          "own message on the visitor's stream",
        );
        await employeeStream.waitFor(
          (f) => f.event === "chat.message" && dataOf<{ questionId: string }>(f).questionId === question?.id,
          "chat.message on the employee's stream",
        );

        const chat = await agent.get(`/api/v1/questions/${question?.id}/chat`);
        assert.equal(chat.status, 200);
        const { sessions } = (await chat.json()) as {
          sessions: Array<{ id: string; messages: Array<{ text: string }> }>;
        };
        const sessionId = sessions[0]?.id ?? "";
        assert.deepEqual(
          sessions[0]?.messages.map((m) => m.text),
          ["Mijn container is niet geleegd."],
        );

        assert.equal((await agent.post(`/api/v1/chat-sessions/${sessionId}/_typing`, {})).status, 204);
        await visitorStream.waitFor((f) => f.event === "typing", "typing");
        const reply = await agent.post(`/api/v1/chat-sessions/${sessionId}/messages`, {
          text: "Ik kijk het na.",
        });
        assert.equal(reply.status, 201);
        const seen = await visitorStream.waitFor(
          (f) => f.event === "message" && dataOf<{ sender: string }>(f).sender === "employee",
          "the employee's answer on the visitor's stream",
        );
        assert.equal(dataOf<{ text: string }>(seen).text, "Ik kijk het na.");
        assert.ok(seen.id && /^\d+$/.test(seen.id));
        const active = await visitorStream.waitFor(
          (f) => f.event === "status" && dataOf<{ status: string }>(f).status === "active",
          "active status",
        );
        assert.equal(dataOf<{ employeeName: string }>(active).employeeName, "Anna");
        const [assigned] = await database.query<{ employee_id: string }>(
          "SELECT employee_id::text FROM questions WHERE id = $1",
          [question?.id],
        );
        assert.equal(assigned?.employee_id, tenant.agentId);

        const end = await agent.post(`/api/v1/chat-sessions/${sessionId}/_end`, {
          wrapUp: "Melding doorgezet.",
        });
        assert.equal(end.status, 200);
        await visitorStream.waitFor(
          (f) => f.event === "status" && dataOf<{ status: string }>(f).status === "ended",
          "ended status",
        );
        const [contact] = await database.query<{ text: string }>(
          "SELECT i.text FROM interactions i JOIN chat_sessions s ON s.interaction_id = i.id WHERE s.id = $1",
          [sessionId],
        );
        assert.match(
          contact?.text ?? "",
          /Inwoner: Mijn container is niet geleegd\.\n.*Medewerker: Ik kijk het na\./,
        );
        assert.equal((await v.send("messages", { text: "Nog iets" })).status, 409);
      } finally {
        await visitorStream.close();
        await employeeStream.close();
      }
    });

    it("keeps HTML as text, refuses an oversized message and stores nothing of it", async () => {
      const v = visitor(app, slug, newIp());
      await v.start();
      const html = '<img src=x onerror="alert(1)"><b>vet</b>';
      assert.equal((await v.send("messages", { text: html })).status, 201);
      const big = await v.send("messages", { text: "x".repeat(2001) });
      assert.equal(big.status, 400);
      assert.match(big.headers.get("content-type") ?? "", /application\/problem\+json/);
      const problem = (await big.json()) as { detail: string; invalidParams: Array<{ name: string }> };
      assert.match(problem.detail, /te lang/);
      assert.equal(problem.invalidParams[0]?.name, "text");
      const stored = await database.query<{ text: string }>(
        "SELECT text FROM chat_messages WHERE session_id = $1",
        [v.sessionId],
      );
      assert.deepEqual(
        stored.map((m) => m.text),
        [html],
      );
    });

    it("limits messages per chat with a 429 problem", async () => {
      const v = visitor(app, slug, newIp());
      await v.start();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await v.send("messages", { text: `bericht ${i}` })).status);
      assert.deepEqual(statuses.slice(0, 5), [201, 201, 201, 201, 201]);
      const limited = await v.send("messages", { text: "nog een" });
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get("content-type") ?? "", /application\/problem\+json/);
      // The widget on the municipality's site may read how long to wait.
      assert.equal(limited.headers.get("retry-after"), "5");
      assert.equal(limited.headers.get("access-control-expose-headers"), "Retry-After");
      assert.match(((await limited.json()) as { detail: string }).detail, /Wacht even/);
    });

    it("limits requests per client address with a 429 problem", async () => {
      const limitedApp = createApp(deps, { chat: { addressLimit: { capacity: 2, refillPerSecond: 0.001 } } });
      const ip = newIp();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await visitor(limitedApp, slug, ip).post("/sessions", {})).status);
      assert.deepEqual(statuses, [201, 201, 429]);
      assert.equal(
        (await visitor(limitedApp, slug, newIp()).post("/sessions", {})).status,
        201,
        "another address",
      );
    });

    it("answers a wrong token with 404 and a missing one with 401", async () => {
      const v = visitor(app, slug, newIp());
      await v.start();
      const wrong = await v.post(
        `/sessions/${v.sessionId}/messages`,
        { text: "hoi" },
        { authorization: "Bearer nietgoed" },
      );
      assert.equal(wrong.status, 404);
      const none = await app.request(`/chat/${slug}/sessions/${v.sessionId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: SITE },
        body: JSON.stringify({ text: "hoi" }),
      });
      assert.equal(none.status, 401);
      const stream = await app.request(`/chat/${slug}/sessions/${v.sessionId}/events`, {
        headers: { origin: SITE, authorization: "Bearer nietgoed" },
      });
      assert.equal(stream.status, 404);
      const [count] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1",
        [v.sessionId],
      );
      assert.equal(count?.n, 0);
    });

    it("allows CORS for the configured origin only and answers its preflight", async () => {
      const preflight = await app.request(`/chat/${slug}/sessions`, {
        method: "OPTIONS",
        headers: {
          origin: SITE,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get("access-control-allow-origin"), SITE);
      assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/);
      const other = await app.request(`/chat/${slug}/sessions`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.test", "access-control-request-method": "POST" },
      });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get("access-control-allow-origin"), null);
      const post = await visitor(app, slug, newIp()).post("/sessions", {}, { origin: "https://evil.test" });
      assert.equal(post.status, 403);
      assert.equal(post.headers.get("access-control-allow-origin"), null);
      const [n] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM chat_sessions");
      const settings = await app.request(`/chat/${slug}/settings`, { headers: { origin: SITE } });
      assert.equal(settings.status, 200);
      assert.ok(((await settings.json()) as { topics: unknown[] }).topics.length > 5);
      const [m] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM chat_sessions");
      assert.equal(m?.n, n?.n);
    });

    it("identifies the visitor by an emailed code: wrong code, attempts, expiry, then verified", async () => {
      const v = visitor(app, slug, newIp());
      await v.start();
      assert.equal((await v.send("_verify", { code: "123456" })).status, 409);
      const email = recordingSender();
      const requestCode = async () => {
        assert.equal((await v.send("_identify", { email: "Els@Voorbeeld.test" })).status, 202);
        await deliverPendingMessages(deps, { email });
        const text = email.sent.at(-1)?.text ?? "";
        assert.equal(email.sent.at(-1)?.to, "Els@voorbeeld.test");
        return /\b(\d{6})\b/.exec(text)?.[1] ?? "";
      };
      const first = await requestCode();
      assert.equal(first.length, 6);
      const wrong = first === "000000" ? "111111" : "000000";
      const oneWrong = await v.send("_verify", { code: wrong });
      assert.equal(oneWrong.status, 400);
      assert.match(((await oneWrong.json()) as { detail: string }).detail, /klopt niet/);
      for (let i = 0; i < 4; i++) assert.equal((await v.send("_verify", { code: wrong })).status, 400);
      assert.equal(
        (await v.send("_verify", { code: first })).status,
        429,
        "five wrong attempts use up the code",
      );

      const second = await requestCode();
      offsetMs = 11 * 60_000;
      try {
        assert.equal((await v.send("_verify", { code: second })).status, 409, "expired after ten minutes");
      } finally {
        offsetMs = 0;
      }
      const third = await requestCode();
      const ok = await v.send("_verify", { code: third });
      assert.equal(ok.status, 200);
      const [row] = await database.query<{
        verification: string;
        resident_party_id: string;
        party_id: string;
        identified_email: string;
      }>(
        `SELECT pi.verification, q.resident_party_id::text, s.party_id::text, s.identified_email
           FROM chat_sessions s JOIN questions q ON q.id = s.question_id
           JOIN party_identifiers pi ON pi.party_id = s.party_id AND pi.kind = 'email'
          WHERE s.id = $1`,
        [v.sessionId],
      );
      assert.equal(row?.verification, "code");
      assert.equal(row?.resident_party_id, row?.party_id);
      assert.equal(row?.identified_email, "Els@voorbeeld.test");
      const [codes] = await database.query<{ code_hash: string | null }>(
        "SELECT code_hash FROM chat_sessions WHERE id = $1",
        [v.sessionId],
      );
      assert.equal(codes?.code_hash, null);
      const [timeline] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM interaction_parties ip JOIN chat_sessions s ON s.interaction_id = ip.interaction_id WHERE s.id = $1 AND ip.timeline_party_id = s.party_id",
        [v.sessionId],
      );
      assert.equal(timeline?.n, 1);
      // The codes went by email; neither the question's timeline nor the outbox keeps them.
      const kept = await database.query<{ text: string }>(
        `SELECT i.text FROM interactions i JOIN chat_sessions s ON s.question_id = i.question_id
          WHERE s.id = $1 AND i.direction = 'outbound'`,
        [v.sessionId],
      );
      assert.equal(kept.length, 3, "each code email is recorded in the question");
      for (const { text } of kept) {
        assert.match(text, /••••••/);
        for (const code of [first, second, third]) assert.ok(!text.includes(code), "no code in the timeline");
      }
      const [outbox] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE payload ? 'sentText'",
      );
      assert.equal(outbox?.n, 0, "the sent text is erased from the outbox once sent");
    });

    it("offers the alternatives when nobody is free, and a callback slot becomes a task with that due time", async () => {
      const v = visitor(app, slug, newIp());
      await v.start();
      const stream = await v.stream();
      try {
        const status = await stream.waitFor((f) => f.event === "status", "status");
        assert.equal(dataOf<{ alternatives: string }>(status).alternatives, "no-one-available");
      } finally {
        await stream.close();
      }
      const slot = new Date(Date.now() + 26 * 3600_000);
      slot.setUTCMinutes(0, 0, 0);
      const callback = await v.send("_callback", { phone: "06 12345678", slotStart: slot.toISOString() });
      assert.equal(callback.status, 201, await callback.clone().text());
      const [task] = await database.query<{
        kind: string;
        due_at: Date;
        contact_address: string;
        team_id: string;
      }>(
        `SELECT t.kind, t.due_at, t.contact_address, t.team_id::text FROM tasks t
           JOIN chat_sessions s ON s.question_id = t.question_id WHERE s.id = $1`,
        [v.sessionId],
      );
      assert.equal(task?.kind, "callback");
      assert.equal(new Date(task?.due_at ?? 0).toISOString(), slot.toISOString());
      assert.equal(task?.contact_address, "+31612345678");
      assert.equal(task?.team_id, tenant.teams.general);
      const [session] = await database.query<{ status: string; end_reason: string }>(
        "SELECT status, end_reason FROM chat_sessions WHERE id = $1",
        [v.sessionId],
      );
      assert.deepEqual(session, { status: "ended", end_reason: "callback" });
    });

    it("says so when an available employee exists, and when the wait is too long", async () => {
      assert.equal((await agent.put("/api/v1/presence", { presence: "available" })).status, 200);
      try {
        const v = visitor(app, slug, newIp());
        await v.start();
        let stream = await v.stream();
        const status = await stream.waitFor((f) => f.event === "status", "status");
        assert.equal(dataOf<{ alternatives: string | null }>(status).alternatives, null);
        await stream.close();
        offsetMs = 5 * 60_000;
        try {
          stream = await v.stream();
          const late = await stream.waitFor((f) => f.event === "status", "status");
          assert.equal(dataOf<{ alternatives: string | null }>(late).alternatives, "waited-too-long");
          await stream.close();
        } finally {
          offsetMs = 0;
        }
      } finally {
        await agent.put("/api/v1/presence", { presence: "offline" });
      }
    });

    it("turns a left message into the question's text, to be answered by email", async () => {
      const v = visitor(app, slug, newIp());
      const { questionReference } = await v.start();
      const left = await v.send("_leave-message", {
        text: "Wanneer wordt het grofvuil opgehaald?",
        email: "piet@voorbeeld.test",
      });
      assert.equal(left.status, 201);
      const [row] = await database.query<{
        text: string;
        reply_channel: string;
        value: string;
        status: string;
      }>(
        `SELECT i.text, q.reply_channel, pi.value, s.status FROM chat_sessions s
           JOIN questions q ON q.id = s.question_id JOIN interactions i ON i.id = s.interaction_id
           JOIN party_identifiers pi ON pi.party_id = q.resident_party_id AND pi.kind = 'email'
          WHERE q.reference = $1`,
        [questionReference],
      );
      assert.match(row?.text ?? "", /Wanneer wordt het grofvuil opgehaald\?/);
      assert.equal(row?.reply_channel, "email");
      assert.equal(row?.value, "piet@voorbeeld.test");
      assert.equal(row?.status, "ended");
    });
  });
}

async function logIn(app: App, email: string): Promise<{ agent: Client; cookie: string }> {
  const response = await client(app).post("/api/v1/sessions", { email, password: TEST_PASSWORD });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { agent: client(app, { cookie, csrf: csrfToken }), cookie };
}
