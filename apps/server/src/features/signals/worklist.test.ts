import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  TEST_PASSWORD,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { createEmployee } from "../accounts";
import { listWorklist } from "./list-worklist";
import { RULE_WEIGHTS } from "./worklist-score";
import { type SeededWorklist, seedWorklist } from "./worklist-test-support";

type Worklist = {
  residents: {
    partyId: string;
    name: string | null;
    score: number;
    signals: {
      id: string;
      ruleId: string;
      ruleVersion: number;
      ruleDescription: string;
      explanation: string | null;
      score: { weight: number; ageDays: number; recency: number; points: number };
      evidence: {
        questions: { id: string; reference: string }[];
        contacts: { id: string; channel: string; questionId: string }[];
        hiddenQuestions: number;
      };
      suggestedAction: { nl: string; en: string };
    }[];
  }[];
};

for (const backend of testBackends()) {
  describe(`signals worklist for case guides (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let guide: Client;
    let supervisor: Client;
    let agent: Client;
    let otherGuide: Client;
    let seeded: SeededWorklist;
    const worklist = async (who: Client = guide, headers?: Record<string, string>) => {
      const response = await who.get("/api/v1/signals", headers);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Worklist;
    };
    const signalOf = (list: Worklist, partyId: string, ruleId: string) =>
      list.residents.find((r) => r.partyId === partyId)?.signals.find((s) => s.ruleId === ruleId);

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "casusregie");
      const other = await createTestTenant(database, "elders");
      for (const [tenantId, email, roles] of [
        [tenant.tenantId, "regie@casusregie.test", ["case-guide"]],
        [tenant.tenantId, "super@casusregie.test", ["supervisor"]],
        [other.tenantId, "regie@elders.test", ["case-guide"]],
      ] as const)
        await createEmployee(database.db, {
          tenantId,
          name: email,
          email,
          roles: [...roles],
          password: TEST_PASSWORD,
        });
      guide = await logInAs(app, "regie@casusregie.test");
      supervisor = await logInAs(app, "super@casusregie.test");
      otherGuide = await logInAs(app, "regie@elders.test");
      agent = await logInAs(app, "agent@casusregie.test");
      seeded = await seedWorklist(database, client(app, { token: tenant.token }), tenant.tenantId);
    });
    after(() => database.drop());

    it("ranks residents by the sum of weight × recency and shows the parts, rule, version and evidence", async () => {
      const list = await worklist();
      const order = list.residents.map((r) => r.partyId);
      assert.deepEqual(order.slice(0, 1), [seeded.urgent.partyId], JSON.stringify(list, null, 1));
      assert.ok(order.indexOf(seeded.urgent.partyId) < order.indexOf(seeded.calm.partyId));
      for (const resident of list.residents) {
        const sum = resident.signals.reduce((n, s) => n + s.score.points, 0);
        assert.ok(Math.abs(resident.score - sum) < 0.011, `${resident.score} = ${sum}`);
        for (const s of resident.signals) {
          assert.equal(s.score.weight, RULE_WEIGHTS[s.ruleId]);
          assert.equal(s.score.recency, Math.round(0.5 ** (s.score.ageDays / 30) * 100) / 100);
          assert.ok(Math.abs(s.score.points - s.score.weight * s.score.recency) < 0.011);
        }
      }
      const repeat = signalOf(list, seeded.urgent.partyId, "repeat-contact");
      assert.ok(repeat);
      assert.equal(repeat.ruleVersion, 1);
      assert.match(repeat.ruleDescription, /binnen 30 dagen minstens 3 keer/);
      assert.match(repeat.explanation ?? "", /3 contacten/);
      assert.equal(repeat.evidence.contacts.length, 3);
      assert.ok(
        repeat.evidence.contacts.every(
          (c) => c.channel === "email" && c.questionId === seeded.urgent.questionId,
        ),
      );
      assert.deepEqual(
        repeat.evidence.questions.map((q) => q.reference),
        [seeded.urgent.reference],
      );
      assert.ok(repeat.suggestedAction.nl.length > 10);
      assert.ok(signalOf(list, seeded.urgent.partyId, "escalating-language"));
      const calm = signalOf(list, seeded.calm.partyId, "repeat-contact");
      assert.ok(calm && calm.score.ageDays >= 44 && calm.score.recency < 0.4);
      // The case guide sees debts (a sensitive topic) with the case-guidance purpose.
      assert.ok(signalOf(list, seeded.debts.partyId, "repeat-contact")?.explanation);
      const [audit] = await database.query<{ purpose: string; party_ids: string[] }>(
        "SELECT purpose, party_ids FROM audit_events WHERE action = 'signals.list' ORDER BY id DESC LIMIT 1",
      );
      assert.equal(audit?.purpose, "case-guidance");
      assert.ok(audit?.party_ids.includes(seeded.urgent.partyId));
    });

    it("lets a supervisor read with a quality purpose, without what need-to-know hides; refuses agents", async () => {
      const list = await worklist(supervisor, { "omniloket-purpose": "quality-supervision" });
      assert.ok(list.residents.some((r) => r.partyId === seeded.urgent.partyId));
      assert.ok(!list.residents.some((r) => r.partyId === seeded.debts.partyId), "debts are need-to-know");
      assert.equal((await agent.get("/api/v1/signals")).status, 403);
      const signal = signalOf(await worklist(), seeded.calm.partyId, "repeat-contact");
      assert.equal(
        (await agent.post(`/api/v1/signals/${signal?.id}/_dismiss`, { reason: "nee" })).status,
        403,
      );
    });

    it("accepting makes an outreach task on the resident's preferred channel; nothing is sent", async () => {
      const signal = signalOf(await worklist(), seeded.urgent.partyId, "repeat-contact");
      assert.ok(signal);
      const [{ n: outboxBefore } = { n: 0 }] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM interactions WHERE direction = 'outbound'",
      );
      const response = await guide.post(`/api/v1/signals/${signal.id}/_accept`, { note: "Even bellen" });
      assert.equal(response.status, 200, await response.clone().text());
      const accepted = (await response.json()) as {
        status: string;
        channel: string;
        channelReason: string;
        language: string;
        task: { id: string; questionId: string };
      };
      assert.equal(accepted.status, "accepted");
      assert.equal(accepted.channel, "sms");
      assert.equal(accepted.channelReason, "general-preference");
      assert.equal(accepted.task.questionId, seeded.urgent.questionId);
      const [task] = await database.query<{
        kind: string;
        contact_channel: string;
        contact_address: string;
        description: string;
      }>("SELECT kind, contact_channel, contact_address, description FROM tasks WHERE id = $1", [
        accepted.task.id,
      ]);
      assert.equal(task?.kind, "back-office");
      assert.equal(task?.contact_channel, "sms");
      assert.equal(task?.contact_address, "+31611112222");
      assert.match(task?.description ?? "", /regel repeat-contact, versie 1/);
      assert.match(task?.description ?? "", /Notitie casusregisseur: Even bellen/);
      const [{ n: outboxAfter } = { n: -1 }] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM interactions WHERE direction = 'outbound'",
      );
      assert.equal(outboxAfter, outboxBefore, "nothing contacts the resident");
      const [row] = await database.query<{ status: string }>("SELECT status FROM signals WHERE id = $1", [
        signal.id,
      ]);
      assert.equal(row?.status, "accepted");
      const [audit] = await database.query<{ purpose: string; details: { taskId: string } }>(
        "SELECT purpose, details FROM audit_events WHERE action = 'signal.accept'",
      );
      assert.equal(audit?.purpose, "case-guidance");
      assert.equal(audit?.details.taskId, accepted.task.id);
      assert.equal(signalOf(await worklist(), seeded.urgent.partyId, "repeat-contact"), undefined);
      assert.equal((await guide.post(`/api/v1/signals/${signal.id}/_accept`, {})).status, 409);
    });

    it("dismissing needs a reason", async () => {
      const signal = signalOf(await worklist(), seeded.urgent.partyId, "escalating-language");
      assert.ok(signal);
      const without = await guide.post(`/api/v1/signals/${signal.id}/_dismiss`, { reason: "  " });
      assert.equal(without.status, 400);
      const missing = await guide.post(`/api/v1/signals/${signal.id}/_dismiss`, {});
      assert.equal(missing.status, 400);
      const dismissed = await guide.post(`/api/v1/signals/${signal.id}/_dismiss`, {
        reason: "Al gesproken aan de balie",
      });
      assert.equal(dismissed.status, 200, await dismissed.clone().text());
      const [audit] = await database.query<{ details: { reason: string } }>(
        "SELECT details FROM audit_events WHERE action = 'signal.dismiss'",
      );
      assert.equal(audit?.details.reason, "Al gesproken aan de balie");
      assert.equal(signalOf(await worklist(), seeded.urgent.partyId, "escalating-language"), undefined);
    });

    it("snoozing hides a signal until its date", async () => {
      const signal = signalOf(await worklist(), seeded.calm.partyId, "repeat-contact");
      assert.ok(signal);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      assert.equal(
        (await guide.post(`/api/v1/signals/${signal.id}/_snooze`, { until: "2000-01-01" })).status,
        400,
      );
      const snoozed = await guide.post(`/api/v1/signals/${signal.id}/_snooze`, { until: tomorrow });
      assert.equal(snoozed.status, 200, await snoozed.clone().text());
      assert.equal(signalOf(await worklist(), seeded.calm.partyId, "repeat-contact"), undefined);
      const [employee] = await database.query<{ id: string }>("SELECT id FROM employees WHERE email = $1", [
        "regie@casusregie.test",
      ]);
      const later = await listWorklist(
        { db: database.db, clock: () => new Date(Date.now() + 2 * 86_400_000) },
        {
          principal: {
            kind: "employee",
            tenantId: tenant.tenantId,
            employeeId: employee?.id ?? "",
            roles: ["case-guide"],
            teamIds: [],
            sessionTokenHash: "",
            csrfToken: "",
          },
          purpose: "case-guidance",
          limit: 50,
        },
      );
      const back = later.residents.find((r) => r.partyId === seeded.calm.partyId)?.signals;
      assert.equal(back?.find((s) => s.id === signal.id)?.status, "snoozed", "back after the date");
    });

    it("answers 404 for another municipality's signals", async () => {
      const signal = signalOf(await worklist(), seeded.debts.partyId, "repeat-contact");
      assert.ok(signal);
      assert.deepEqual((await worklist(otherGuide)).residents, []);
      for (const action of ["_accept", "_dismiss", "_snooze"]) {
        const response = await otherGuide.post(`/api/v1/signals/${signal.id}/${action}`, {
          reason: "niet van ons",
          until: new Date(Date.now() + 86_400_000).toISOString(),
        });
        assert.equal(response.status, 404, action);
      }
    });
  });
}
