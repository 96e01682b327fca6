import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { Principal } from "../../platform/auth/principal";
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
import { giveQuestionFeedback } from "../portal";
import { acceptSignal, evaluateResidentSignals } from "../signals";
import { measureSignalEffects } from "./measure-signal-effects";
import type { RuleEffect } from "./summarise-rules";

const DAY = 86_400_000;

type Report = {
  rules: RuleEffect[];
  fairness: {
    residents: number;
    minGroupResidents: number;
    dimensions: { id: string; groups: { value: string; tooSmall: boolean; residents: number | null }[] }[];
  };
  signals: { signalId: string; windows: { days: number; before: number; after: number | null }[] }[] | null;
  hiddenSignals: number;
};

for (const backend of testBackends()) {
  describe(`effect of accepted signals (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let guide: Client;
    let analyst: Client;
    let supervisor: Client;
    let agent: Client;
    let guidePrincipal: Principal;
    let signalId = "";
    let questionId = "";
    let partyId = "";
    /** The moment the case guide accepted the signal: 60 days ago. */
    const decidedAt = new Date(Date.now() - 60 * DAY);
    let n = 0;
    const contact = async (daysAgo: number, text: string) => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `<effect-${n++}@voorbeeld.test>`,
        text,
        topicId: "afval",
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        ...(questionId ? { questionId } : {}),
        sender: { identifiers: [{ kind: "email", value: "herhaal@voorbeeld.test" }] },
      });
      assert.equal(response.status, 201, await response.clone().text());
      questionId = ((await response.json()) as IngestResult).questionId;
    };
    const report = async (who: Client = guide) => {
      const response = await who.get("/api/v1/signals/effect");
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Report;
    };

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "effect");
      for (const [email, roles] of [
        ["regie@effect.test", ["case-guide"]],
        ["analist@effect.test", ["analyst"]],
        ["super@effect.test", ["supervisor"]],
      ] as const)
        await createEmployee(database.db, {
          tenantId: tenant.tenantId,
          name: email,
          email,
          roles: [...roles],
          password: TEST_PASSWORD,
        });
      system = client(app, { token: tenant.token });
      guide = await logInAs(app, "regie@effect.test");
      analyst = await logInAs(app, "analist@effect.test");
      supervisor = await logInAs(app, "super@effect.test");
      agent = await logInAs(app, "agent@effect.test");
      // Three contacts 70, 68 and 65 days ago; the rules run 64 days ago and find repeated contact.
      await contact(70, "Mijn container is niet geleegd.");
      await contact(68, "Wanneer wordt mijn container geleegd?");
      await contact(65, "Mijn container is nog steeds niet geleegd.");
      const [row] = await database.query<{ resident_party_id: string }>(
        "SELECT resident_party_id FROM questions WHERE id = $1",
        [questionId],
      );
      partyId = row?.resident_party_id ?? "";
      await evaluateResidentSignals(
        { db: database.db, clock: () => new Date(Date.now() - 64 * DAY) },
        { tenantId: tenant.tenantId, partyIds: [partyId] },
      );
      const [signal] = await database.query<{ id: string }>(
        "SELECT id FROM signals WHERE party_id = $1 AND rule_id = 'repeat-contact'",
        [partyId],
      );
      assert.ok(signal, "the rule found the repeated contact");
      signalId = signal.id;
      const [employee] = await database.query<{ id: string }>("SELECT id FROM employees WHERE email = $1", [
        "regie@effect.test",
      ]);
      guidePrincipal = {
        kind: "employee",
        tenantId: tenant.tenantId,
        employeeId: employee?.id ?? "",
        roles: ["case-guide"],
        teamIds: [],
        sessionTokenHash: "",
        csrfToken: "",
      };
      await acceptSignal(
        { db: database.db, clock: () => decidedAt },
        { principal: guidePrincipal, signalId },
      );
      // After the decision: one contact within 30 days (10 days after), one more within 90 (50 days after).
      await contact(50, "Dank u, de container is geleegd. Nog één vraag over het grofvuil.");
      await contact(10, "Wanneer is de volgende ophaaldag?");
      const resolved = await agent.post(`/api/v1/questions/${questionId}/_change`, { status: "resolved" });
      assert.equal(resolved.status, 200, await resolved.clone().text());
      const given = await giveQuestionFeedback(
        { db: database.db, clock: () => new Date() },
        { tenantId: tenant.tenantId, partyId, csrfToken: "", expiresAt: new Date(Date.now() + DAY) },
        { questionId, helped: "ja", comment: "Fijn dat u belde." },
      );
      assert.deepEqual(given, { ok: true });
    });
    after(() => database.drop());

    it("counts contacts before and after the decision; a period that has not passed is not measurable", async () => {
      const [effect] = await measureSignalEffects(database.db, {
        tenantId: tenant.tenantId,
        now: new Date(),
      });
      assert.ok(effect);
      assert.equal(effect.signalId, signalId);
      assert.equal(effect.decidedAt.getTime(), decidedAt.getTime());
      assert.deepEqual(effect.windows, [
        { days: 30, before: 3, after: 1 },
        { days: 90, before: 3, after: null },
      ]);
      // 31 days on, the 90 days after the decision have passed as well.
      const [later] = await measureSignalEffects(database.db, {
        tenantId: tenant.tenantId,
        now: new Date(Date.now() + 31 * DAY),
      });
      assert.deepEqual(later?.windows, [
        { days: 30, before: 3, after: 1 },
        { days: 90, before: 3, after: 2 },
      ]);
    });

    it("includes the linked question's resolution and the resident's feedback", async () => {
      const [effect] = await measureSignalEffects(database.db, {
        tenantId: tenant.tenantId,
        now: new Date(),
      });
      assert.equal(effect?.questions.length, 1);
      const question = effect?.questions[0];
      assert.equal(question?.questionId, questionId);
      assert.equal(question?.resolved, true);
      assert.ok(question?.daysToResolution !== null && (question?.daysToResolution ?? -1) >= 0);
      assert.deepEqual(
        effect?.feedback.map((f) => [f.questionId, f.helped, f.comment]),
        [[questionId, true, "Fijn dat u belde."]],
      );
    });

    it("reports per rule what was raised and decided, and the effect as counts and quartiles", async () => {
      const { rules, signals } = await report();
      const repeat = rules.find((r) => r.ruleId === "repeat-contact");
      assert.ok(repeat);
      assert.equal(repeat.raised, 1);
      assert.equal(repeat.accepted, 1);
      assert.equal(repeat.open + repeat.dismissed + repeat.snoozed, 0);
      const [d30, d90] = repeat.windows;
      assert.deepEqual(
        { ...d30 },
        {
          days: 30,
          measured: 1,
          notYetMeasurable: 0,
          fewer: 1,
          same: 0,
          more: 0,
          change: { n: 1, p25: -2, median: -2, p75: -2 },
        },
      );
      assert.deepEqual(
        { ...d90 },
        { days: 90, measured: 0, notYetMeasurable: 1, fewer: 0, same: 0, more: 0, change: null },
      );
      assert.equal(repeat.resolution.resolved, 1);
      assert.equal(repeat.resolution.days?.n, 1);
      assert.deepEqual(repeat.feedback, { helped: 1, notHelped: 0, noAnswer: 0 });
      assert.ok(
        rules.some((r) => r.ruleId === "long-silence" && r.raised === 0),
        "every rule is listed",
      );
      assert.deepEqual(
        signals?.map((s) => s.signalId),
        [signalId],
      );
      const [audit] = await database.query<{ purpose: string; party_ids: string[] }>(
        "SELECT purpose, party_ids FROM audit_events WHERE action = 'signals.effect' ORDER BY id DESC LIMIT 1",
      );
      assert.equal(audit?.purpose, "case-guidance");
      assert.deepEqual(audit?.party_ids, [partyId]);
    });

    it("shows groups under ten residents as too small", async () => {
      const { fairness } = await report();
      assert.equal(fairness.residents, 1);
      assert.equal(fairness.minGroupResidents, 10);
      assert.deepEqual(
        fairness.dimensions.map((d) => d.id),
        ["district", "age-band", "language", "preferred-channel", "channel-use"],
      );
      for (const dimension of fairness.dimensions)
        for (const group of dimension.groups) {
          assert.equal(group.tooSmall, true);
          assert.equal(group.residents, null);
        }
    });

    it("gives analysts the totals only, refuses agents and answers 401 without a session", async () => {
      const totals = await report(analyst);
      assert.equal(totals.signals, null);
      assert.equal(totals.hiddenSignals, 1);
      assert.equal(totals.rules.find((r) => r.ruleId === "repeat-contact")?.accepted, 1);
      const refused = await agent.get("/api/v1/signals/effect");
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get("content-type") ?? "", /application\/problem\+json/);
      assert.equal(
        (await system.get("/api/v1/signals/effect")).status,
        403,
        "a channel system has no business here",
      );
      assert.equal((await client(system.app).get("/api/v1/signals/effect")).status, 401);
      const wrongPurpose = await guide.get("/api/v1/signals/effect", {
        "omniloket-purpose": "contact-handling",
      });
      assert.equal(wrongPurpose.status, 400);
    });

    it("leaves a signal about a sensitive topic out of a supervisor's list, counting it", async () => {
      let debtsQuestion = "";
      for (const [i, daysAgo] of [6, 5, 4].entries()) {
        const response = await system.post("/api/v1/interactions", {
          channel: "email",
          externalId: `<schulden-${i}@voorbeeld.test>`,
          text: "Ik heb hulp nodig bij mijn schulden.",
          topicId: "schulden",
          occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
          ...(debtsQuestion ? { questionId: debtsQuestion } : {}),
          sender: { identifiers: [{ kind: "email", value: "schulden@voorbeeld.test" }] },
        });
        assert.equal(response.status, 201, await response.clone().text());
        debtsQuestion = ((await response.json()) as IngestResult).questionId;
      }
      const [row] = await database.query<{ resident_party_id: string }>(
        "SELECT resident_party_id FROM questions WHERE id = $1",
        [debtsQuestion],
      );
      await evaluateResidentSignals(
        { db: database.db, clock: () => new Date() },
        { tenantId: tenant.tenantId, partyIds: [row?.resident_party_id ?? ""] },
      );
      const [debts] = await database.query<{ id: string }>(
        "SELECT id FROM signals WHERE party_id = $1 AND rule_id = 'repeat-contact'",
        [row?.resident_party_id],
      );
      assert.ok(debts);
      await acceptSignal(
        { db: database.db, clock: () => new Date() },
        // A case guide in the team that handles the question may make the outreach task.
        { principal: { ...guidePrincipal, teamIds: [tenant.teams.general] }, signalId: debts.id },
      );
      const mine = await report();
      assert.equal(mine.signals?.length, 2, "the case guide sees both");
      const response = await supervisor.get("/api/v1/signals/effect", {
        "omniloket-purpose": "quality-supervision",
      });
      assert.equal(response.status, 200, await response.clone().text());
      const theirs = (await response.json()) as Report;
      assert.deepEqual(
        theirs.signals?.map((s) => s.signalId),
        [signalId],
      );
      assert.equal(theirs.hiddenSignals, 1);
      assert.equal(theirs.rules.find((r) => r.ruleId === "repeat-contact")?.accepted, 2, "totals count all");
    });
  });
}
