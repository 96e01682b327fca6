import assert from "node:assert/strict";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import type { Client } from "../../test-support/harness";
import { evaluateResidentSignals } from "./evaluate-signals";

const DAY = 86_400_000;

/** Posts contacts of one resident by email into one question (the API channel), `daysAgo` each. */
async function contacts(
  system: Client,
  input: { prefix: string; email: string; phone?: string; topicId: string; texts: [number, string][] },
): Promise<{ questionId: string; reference: string; partyId: string }> {
  let questionId = "";
  let reference = "";
  for (const [i, [daysAgo, text]] of input.texts.entries()) {
    const response = await system.post("/api/v1/interactions", {
      channel: "email",
      externalId: `<${input.prefix}-${i}@voorbeeld.test>`,
      text,
      topicId: input.topicId,
      occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      ...(questionId ? { questionId } : {}),
      sender: {
        identifiers: [
          { kind: "email", value: input.email },
          ...(input.phone ? [{ kind: "phone", value: input.phone }] : []),
        ],
      },
    });
    assert.equal(response.status, 201, await response.clone().text());
    const result = (await response.json()) as IngestResult;
    questionId = result.questionId;
    reference = result.questionReference;
  }
  return { questionId, reference, partyId: "" };
}

export type SeededWorklist = {
  /** Three angry contacts this week (repeat-contact + escalating-language); prefers SMS. */
  urgent: { partyId: string; questionId: string; reference: string };
  /** Three calm contacts some weeks ago (repeat-contact only). */
  calm: { partyId: string; questionId: string; reference: string };
  /** Three contacts about debts (a sensitive topic): need-to-know applies. */
  debts: { partyId: string; questionId: string; reference: string };
};

/**
 * Real facts for the worklist: contacts through the channel API, then the evaluation use case (as the
 * signals worker runs it). No signal rows are written by hand.
 */
export async function seedWorklist(
  database: Database,
  system: Client,
  tenantId: string,
): Promise<SeededWorklist> {
  const urgent = await contacts(system, {
    prefix: "urgent",
    email: "boos@voorbeeld.test",
    phone: "+31611112222",
    topicId: "belastingen",
    texts: [
      [4, "Ik heb een vraag over mijn aanslag gemeentelijke belastingen."],
      [3, "Ik heb nog steeds geen antwoord over mijn aanslag."],
      [1, "Dit is al de derde keer dat ik schrijf, niemand helpt mij. Schandalig!"],
    ],
  });
  const calm = await contacts(system, {
    prefix: "calm",
    email: "rustig@voorbeeld.test",
    topicId: "afval",
    texts: [
      [50, "Mijn container is niet geleegd."],
      [48, "Wanneer wordt mijn container geleegd?"],
      [45, "Mijn container is nog steeds niet geleegd, wilt u kijken?"],
    ],
  });
  const debts = await contacts(system, {
    prefix: "debts",
    email: "schulden@voorbeeld.test",
    topicId: "schulden",
    texts: [
      [6, "Ik heb hulp nodig bij mijn schulden."],
      [5, "Kunt u mij helpen met een betalingsregeling voor mijn schulden?"],
      [4, "Ik wacht nog op hulp bij mijn schulden."],
    ],
  });
  const all = { urgent, calm, debts };
  for (const resident of Object.values(all)) {
    const [row] = await database.query<{ resident_party_id: string }>(
      "SELECT resident_party_id FROM questions WHERE id = $1",
      [resident.questionId],
    );
    assert.ok(row?.resident_party_id);
    resident.partyId = row.resident_party_id;
  }
  await database.query(
    "INSERT INTO preferences (party_id, tenant_id, preferred_channel) VALUES ($1, $2, 'sms')",
    [urgent.partyId, tenantId],
  );
  await evaluateResidentSignals(
    { db: database.db, clock: () => new Date() },
    { tenantId, partyIds: Object.values(all).map((r) => r.partyId) },
  );
  return all;
}
