import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { openStream, sessionHeaders, type TestStream } from "../../features/live/live.test-helpers";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { ctiSignature } from "./cti-signature";

const SECRET = "cti-geheim-voor-de-test";
const OUR_NUMBER = "+31201234567";

async function counts(database: Database) {
  const [row] = await database.query<{ interactions: number; parties: number }>(
    "SELECT (SELECT count(*)::int FROM interactions) AS interactions, (SELECT count(*)::int FROM parties) AS parties",
  );
  return row;
}

for (const backend of testBackends()) {
  describe(`phone: the CTI webhook (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let agent: Client;
    const streams: TestStream[] = [];

    const post = (body: unknown, signature?: string) => {
      const raw = JSON.stringify(body);
      return app.request("/channels/phone/cti", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-omniloket-signature": signature ?? ctiSignature(SECRET, Buffer.from(raw)),
        },
        body: raw,
      });
    };

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "bellen");
      await database.query(
        "UPDATE tenants SET settings = jsonb_set(settings, '{channels}', $1::jsonb) WHERE id = $2",
        [
          JSON.stringify({
            phone: { numbers: [OUR_NUMBER], ctiSecret: SECRET, ivrTopics: { "1": "afval" } },
          }),
          tenant.tenantId,
        ],
      );
      agent = await logInAs(app, "agent@bellen.test");
    });
    after(async () => {
      await Promise.all(streams.map((s) => s.close()));
      await database.drop();
    });

    it("creates a phone interaction for an offered call: the caller's number identifies the resident, the IVR choice sets the topic", async () => {
      const response = await post({
        event: "call.offered",
        callId: "call-1",
        to: "020 123 4567",
        from: "06 1111 2222",
        ivrChoice: "1",
        queueSeconds: 42,
      });
      assert.equal(response.status, 200);
      const { interactionId } = (await response.json()) as { interactionId: string };
      const [row] = await database.query<{
        channel: string;
        topic_id: string;
        value: string;
        metadata: { queueSeconds: number };
      }>(
        `SELECT i.channel, q.topic_id, pi.value, i.metadata FROM interactions i JOIN questions q ON q.id = i.question_id
           JOIN interaction_parties ip ON ip.interaction_id = i.id JOIN party_identifiers pi ON pi.party_id = ip.party_id
          WHERE i.id = $1`,
        [interactionId],
      );
      assert.deepEqual(
        [row?.channel, row?.topic_id, row?.value, row?.metadata.queueSeconds],
        ["phone", "afval", "+31611112222", 42],
      );
      const before = await counts(database);
      assert.equal(
        (await post({ event: "call.offered", callId: "call-1", to: OUR_NUMBER, from: "0611112222" })).status,
        200,
      );
      assert.deepEqual(await counts(database), before, "a repeated event is stored once");
    });

    it("pops the resident up on the live stream of the employee who answers, and only theirs", async () => {
      const mine = await openStream(app, await sessionHeaders(app, "agent@bellen.test"));
      const theirs = await openStream(app, await sessionHeaders(app, "jeugd@bellen.test"));
      streams.push(mine, theirs);
      await post({
        event: "call.offered",
        callId: "call-2",
        to: OUR_NUMBER,
        from: "0633334444",
        ivrChoice: "1",
      });
      const answered = await post({
        event: "call.answered",
        callId: "call-2",
        to: OUR_NUMBER,
        employeeEmail: "agent@bellen.test",
      });
      assert.equal(answered.status, 200);
      const pop = await mine.waitFor((f) => f.event === "call.answered", "the screen pop");
      const data = JSON.parse(pop.data ?? "{}") as { partyId?: string; questionId?: string };
      assert.ok(
        data.partyId && data.questionId,
        "ids only: the workspace fetches the resident's open questions",
      );
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(theirs.events().filter((f) => f.event === "call.answered").length, 0);
      const [row] = await database.query<{ employee_id: string }>(
        "SELECT employee_id FROM interactions WHERE external_id = 'call-2'",
      );
      assert.equal(row?.employee_id, tenant.agentId);
    });

    it("records the end of the call and lets the employee wrap it up with a note and a topic", async () => {
      const offered = (await (
        await post({ event: "call.offered", callId: "call-3", to: OUR_NUMBER, from: "0655556666" })
      ).json()) as { interactionId: string; questionId: string };
      await post({
        event: "call.answered",
        callId: "call-3",
        to: OUR_NUMBER,
        employeeEmail: "agent@bellen.test",
      });
      const ended = await post({
        event: "call.ended",
        callId: "call-3",
        to: OUR_NUMBER,
        durationSeconds: 310,
        recordingUrl: "https://opnames.voorbeeld.test/call-3",
      });
      assert.equal(ended.status, 200);
      const wrap = await agent.post(`/api/v1/interactions/${offered.interactionId}/wrap-up`, {
        note: "Vraag over kwijtschelding, formulier uitgelegd.",
        topicId: "kwijtschelding",
      });
      assert.equal(wrap.status, 200);
      const [row] = await database.query<{
        text: string;
        topic_id: string;
        team_id: string;
        metadata: { durationSeconds: number };
      }>(
        "SELECT i.text, q.topic_id, q.team_id, i.metadata FROM interactions i JOIN questions q ON q.id = i.question_id WHERE i.id = $1",
        [offered.interactionId],
      );
      assert.equal(row?.text, "Vraag over kwijtschelding, formulier uitgelegd.");
      assert.equal(row?.topic_id, "kwijtschelding");
      assert.equal(
        row?.team_id,
        tenant.teams.taxes,
        "a topic set at wrap-up routes the question to its team",
      );
      assert.equal(row?.metadata.durationSeconds, 310);
    });

    it("refuses a bad signature or an unknown number with 401 and stores nothing", async () => {
      const before = await counts(database);
      assert.equal(
        (
          await post(
            { event: "call.offered", callId: "bad-1", to: OUR_NUMBER, from: "0612345678" },
            "sha256=00",
          )
        ).status,
        401,
      );
      assert.equal(
        (await post({ event: "call.offered", callId: "bad-2", to: "+31309999999", from: "0612345678" }))
          .status,
        401,
      );
      assert.deepEqual(await counts(database), before);
    });

    it("answers a signed but malformed event with 400 naming the field, and an unknown call with 404", async () => {
      const missing = await post({ event: "call.offered", to: OUR_NUMBER, from: "0612345678" });
      assert.equal(missing.status, 400);
      assert.ok(
        ((await missing.json()) as { invalidParams: Array<{ name: string }> }).invalidParams.some(
          (p) => p.name === "callId",
        ),
      );
      assert.equal((await post({ event: "call.ended", callId: "nooit-gebeld", to: OUR_NUMBER })).status, 404);
    });
  });
}
