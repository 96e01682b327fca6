import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SIGNAL_RULES } from "@omniloket/domain";
import { rescanAndPrint } from "../../cli/signals-command";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";
import { evaluateResidentSignals } from "./evaluate-signals";

type Row = {
  id: string;
  party_id: string;
  rule_id: string;
  rule_version: number;
  key: string;
  evidence: { questionIds: string[]; contactIds: string[]; taskIds: string[] };
  explanation: string;
  status: string;
  updated_at: Date;
};

for (const backend of testBackends()) {
  describe(`signals: evaluation, storage and consent (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "signalen", {
      externalIdPrefix: "signalen",
      text: "Hallo",
      senderEmail: "vastgelopen@voorbeeld.test",
    });
    const rows = () => ctx.database.query<Row>("SELECT * FROM signals ORDER BY rule_id, key");
    let partyId = "";

    it("stores every signal with its evidence and rule version, and re-evaluation never duplicates", async () => {
      const texts = [
        "Ik heb een vraag over mijn aanslag gemeentelijke belastingen en de WOZ-waarde.",
        "Ik heb nog steeds geen antwoord over mijn aanslag belastingen.",
        "Dit is al drie keer dat ik schrijf over de aanslag belastingen, niemand helpt mij. Schandalig!",
      ];
      let last = "";
      for (const [i, text] of texts.entries()) {
        const result = await ctx.ingest({
          text,
          ...(last ? { questionId: last } : {}),
          occurredAt: new Date(Date.now() - (3 - i) * 86_400_000).toISOString(),
        });
        last = result.questionId;
      }
      const [party] = await ctx.database.query<{ resident_party_id: string }>(
        "SELECT resident_party_id FROM questions WHERE id = $1",
        [last],
      );
      partyId = party?.resident_party_id ?? "";
      assert.ok(partyId);
      const deps = { db: ctx.database.db, clock: () => new Date() };
      const counts = await evaluateResidentSignals(deps, {
        tenantId: ctx.tenant.tenantId,
        partyIds: [partyId],
      });
      const first = await rows();
      const rules = new Set(first.map((r) => r.rule_id));
      assert.ok(rules.has("repeat-contact"), JSON.stringify(first));
      assert.ok(rules.has("escalating-language"), JSON.stringify(first));
      for (const row of first) {
        const rule = SIGNAL_RULES.find((r) => r.id === row.rule_id);
        assert.equal(row.rule_version, rule?.version, row.rule_id);
        assert.equal(row.status, "open");
        assert.ok(row.explanation.length > 10);
        assert.ok(
          row.evidence.questionIds.length + row.evidence.contactIds.length + row.evidence.taskIds.length > 0,
          row.rule_id,
        );
      }
      const repeat = first.find((r) => r.rule_id === "repeat-contact");
      assert.equal(repeat?.evidence.contactIds.length, 3);
      assert.equal(counts.perRule["repeat-contact"]?.added, 1);

      const again = await evaluateResidentSignals(deps, {
        tenantId: ctx.tenant.tenantId,
        partyIds: [partyId],
      });
      const second = await rows();
      assert.equal(second.length, first.length);
      assert.deepEqual(
        second.map((r) => [r.id, r.updated_at.toISOString()]),
        first.map((r) => [r.id, r.updated_at.toISOString()]),
      );
      assert.equal(
        Object.values(again.perRule).reduce((n, r) => n + r.added, 0),
        0,
      );
    });

    it("prints progress and counts per rule on a rescan, idempotently", async () => {
      const lines: string[] = [];
      const counts = await rescanAndPrint(ctx.database.db, ctx.tenant.tenantId, (line) => lines.push(line));
      const output = lines.join("\n");
      assert.match(output, /^… \d+ inwoners$/m);
      assert.match(output, /^repeat-contact\s+1\s+0\s+v1$/m);
      assert.match(output, /^need-cluster\s+\d+\s+\d+\s+v1$/m);
      assert.ok(counts.residents >= 1);
    });

    it("gives a resident who withdrew consent for proactive contact no signals, and removes open ones", async () => {
      assert.ok((await rows()).length > 0);
      await ctx.database.query(
        "INSERT INTO consents (tenant_id, party_id, purpose, given, recorded_at, source) VALUES ($1, $2, 'proactive-contact', false, now(), 'portal')",
        [ctx.tenant.tenantId, partyId],
      );
      const counts = await evaluateResidentSignals(
        { db: ctx.database.db, clock: () => new Date() },
        { tenantId: ctx.tenant.tenantId, partyIds: [partyId] },
      );
      assert.equal(counts.withoutConsent, 1);
      assert.ok(counts.removed > 0);
      assert.deepEqual(await rows(), []);
      await rescanAndPrint(ctx.database.db, ctx.tenant.tenantId, () => {});
      assert.deepEqual(await rows(), []);
    });
  });
}
