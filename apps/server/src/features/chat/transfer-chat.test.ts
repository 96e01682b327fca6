import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { dataOf, enableChat, type Frame, visitor } from "../../channels/chat/chat.test-helpers";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { createEmployee } from "../accounts";

type Targets = {
  teams: { id: string; name: string; handlesTopic: boolean }[];
  employees: { id: string; name: string; presence: string; teamIds: string[] }[];
};
type PanelChat = {
  sessions: {
    id: string;
    status: string;
    employeeId: string | null;
    messages: { sender: string; employeeName: string | null; text: string }[];
  }[];
};

const TRANSFER_LINE = /^We verbinden u door met een collega\./;

for (const backend of testBackends()) {
  describe(`web chat follows a transfer; transfer targets (${backend.name})`, () => {
    const slug = "doorverbindstad";
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let app: App;
    let anna: Client;
    let bram: Client;
    let youssef: Client;
    let bramId = "";
    let jetId = "";
    let lastIp = 0;

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, slug);
      await enableChat(database, tenant.tenantId, slug);
      const bramRow = await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Bram Collega",
        email: `bram@${slug}.test`,
        roles: ["agent"],
        password: "correct horse battery staple",
        teamIds: [tenant.teams.general],
      });
      bramId = bramRow.id;
      const jet = await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Jet Jeugd",
        email: `jet@${slug}.test`,
        roles: ["agent"],
        password: "correct horse battery staple",
        teamIds: [tenant.teams.youth],
      });
      jetId = jet.id;
      app = createApp(testDeps(database), {
        chat: { sessionLimit: { capacity: 20, refillPerSecond: 1 }, recheckMs: 100, heartbeatMs: 60_000 },
      });
      anna = await logInAs(app, `agent@${slug}.test`);
      bram = await logInAs(app, `bram@${slug}.test`);
      youssef = await logInAs(app, `jeugd@${slug}.test`);
      assert.equal((await bram.put("/api/v1/presence", { presence: "available" })).status, 200);
    });
    after(() => database.drop());

    const startChat = async (topicId: string) => {
      const v = visitor(app, slug, `203.0.113.${++lastIp}`);
      const { questionReference } = await v.start({ topicId, language: "nl" });
      const [question] = await database.query<{ id: string }>(
        "SELECT id FROM questions WHERE reference = $1",
        [questionReference],
      );
      return { v, questionId: question?.id ?? "" };
    };
    const targetsOf = async (caller: Client, questionId: string) => {
      const response = await caller.get(`/api/v1/questions/${questionId}/transfer-targets`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Targets;
    };
    const sessionOf = async (questionId: string) => {
      const [row] = await database.query<{ id: string; status: string; employee_id: string | null }>(
        "SELECT id::text, status, employee_id::text FROM chat_sessions WHERE question_id = $1",
        [questionId],
      );
      return row;
    };

    it("lists only the teams and colleagues the question may go to, and 404s for who may not see it", async () => {
      const youth = await startChat("jeugd");
      const forYoussef = await targetsOf(youssef, youth.questionId);
      assert.deepEqual(forYoussef.teams, [{ id: tenant.teams.youth, name: "Jeugd", handlesTopic: true }]);
      assert.deepEqual(
        forYoussef.employees.map((e) => [e.id, e.name, e.presence, e.teamIds]),
        [[jetId, "Jet Jeugd", "offline", [tenant.teams.youth]]],
        "only colleagues of the youth team, never the caller",
      );
      const outsider = await anna.get(`/api/v1/questions/${youth.questionId}/transfer-targets`);
      assert.equal(outsider.status, 404);
      assert.match(outsider.headers.get("content-type") ?? "", /application\/problem\+json/);

      const waste = await startChat("afval");
      const forAnna = await targetsOf(anna, waste.questionId);
      assert.deepEqual(forAnna.teams.map((t) => [t.name, t.handlesTopic]).sort(), [
        ["Belastingen", false],
        ["Jeugd", false],
        ["KCC", false],
      ]);
      assert.deepEqual(
        forAnna.employees.map((e) => [e.name, e.presence]),
        [
          ["Bram Collega", "available"],
          ["Jet Jeugd", "offline"],
          ["Youssef Jeugd", "offline"],
        ],
      );
      const unknown = await anna.get(
        "/api/v1/questions/00000000-0000-4000-8000-000000000000/transfer-targets",
      );
      assert.equal(unknown.status, 404);
    });

    it("hands a running chat to a colleague with its history, and back to waiting when it goes to a team", async () => {
      const { v, questionId } = await startChat("afval");
      const stream = await v.stream();
      try {
        assert.equal((await v.send("messages", { text: "Mijn container is niet geleegd." })).status, 201);
        const sessionId = (await sessionOf(questionId))?.id ?? "";
        const first = await anna.post(`/api/v1/chat-sessions/${sessionId}/messages`, {
          text: "Ik verbind u door.",
        });
        assert.equal(first.status, 201);
        await stream.waitFor(
          (f) => f.event === "status" && dataOf<{ employeeName: string }>(f).employeeName === "Anna",
          "Anna answers",
        );

        const transfer = await anna.post(`/api/v1/questions/${questionId}/_transfer`, {
          employeeId: bramId,
          note: "Bram weet alles van containers",
        });
        assert.equal(transfer.status, 200, await transfer.clone().text());
        assert.deepEqual(await sessionOf(questionId), {
          id: sessionId,
          status: "active",
          employee_id: bramId,
        });
        const toBram = await stream.waitFor(
          (f) =>
            f.event === "status" &&
            dataOf<{ status: string; employeeName: string }>(f).employeeName === "Bram",
          "the visitor hears Bram took over",
        );
        assert.equal(dataOf<{ status: string }>(toBram).status, "active");
        const line = await stream.waitFor(
          (f) => f.event === "message" && dataOf<{ sender: string }>(f).sender === "system",
          "the system line on the visitor's stream",
        );
        assert.match(dataOf<{ text: string }>(line).text, TRANSFER_LINE);

        const reply = await bram.post(`/api/v1/chat-sessions/${sessionId}/messages`, {
          text: "Ik heb het gesprek gelezen. We komen morgen.",
        });
        assert.equal(reply.status, 201, await reply.clone().text());
        await stream.waitFor(
          (f) => f.event === "message" && dataOf<{ text: string }>(f).text.startsWith("Ik heb het gesprek"),
          "Bram's line on the visitor's stream",
        );
        const chat = (await (await bram.get(`/api/v1/questions/${questionId}/chat`)).json()) as PanelChat;
        assert.deepEqual(
          chat.sessions[0]?.messages.map((m) => [m.sender, m.employeeName]),
          [
            ["visitor", null],
            ["employee", "Anna Agent"],
            ["system", null],
            ["employee", "Bram Collega"],
          ],
          "the whole history, with who wrote each employee line",
        );
        const visitorSide = stream.frames.map((f: Frame) => f.data ?? "").join("\n");
        assert.doesNotMatch(
          visitorSide,
          /Agent|Collega|employeeId/,
          "no full names or ids on the visitor's side",
        );

        const toTeam = await bram.post(`/api/v1/questions/${questionId}/_transfer`, {
          teamId: tenant.teams.taxes,
          note: "Gaat eigenlijk over de aanslag",
        });
        assert.equal(toTeam.status, 200, await toTeam.clone().text());
        assert.deepEqual(await sessionOf(questionId), {
          id: sessionId,
          status: "waiting",
          employee_id: null,
        });
        await stream.waitFor(
          (f) => f.event === "status" && dataOf<{ status: string }>(f).status === "waiting",
          "waiting again",
        );
        const [lines] = await database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1 AND sender = 'system'",
          [sessionId],
        );
        assert.equal(lines?.n, 2);
      } finally {
        await stream.close();
      }
    });
  });
}
