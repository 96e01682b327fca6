import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findQuestionReferences } from "@omniloket/domain";
import { ingestInputs, toIngestInput } from "./ingest-input";
import { generateMunicipality } from "./simulate";

describe("toIngestInput", () => {
  const g = generateMunicipality({ seed: "ingest", residents: 400, months: 6 });
  const inputs = ingestInputs(g);
  const parties = new Map(g.parties.map((p) => [p.id, p]));

  it("maps every inbound contact to valid ingest input, in order of time", () => {
    assert.equal(inputs.length, g.interactions.filter((i) => i.direction === "inbound").length);
    for (let k = 1; k < inputs.length; k++) {
      assert.ok(
        (inputs[k - 1]?.interaction.occurredAt as Date) <= (inputs[k]?.interaction.occurredAt as Date),
      );
    }
    for (const { interaction, input } of inputs) {
      assert.equal(input.channel, interaction.channel);
      assert.equal(input.externalId, interaction.externalId);
      assert.equal(input.occurredAt, interaction.occurredAt.toISOString());
      assert.equal(input.direction, "inbound");
      assert.equal(input.text, interaction.text);
      assert.equal(input.language, interaction.language);
    }
  });

  it("identifies the sender only by what the channel knows, and they all belong to the sender", () => {
    for (const { interaction, input } of inputs) {
      const sender = parties.get(interaction.senderPartyId as string);
      assert.ok(sender);
      for (const identifier of input.sender.identifiers) {
        const known = sender.identifiers.some(
          (i) => i.kind === identifier.kind && i.value === identifier.value,
        );
        assert.ok(known, `${identifier.kind} ${identifier.value} belongs to the sender`);
      }
      if (interaction.channel === "email") assert.equal(input.sender.identifiers[0]?.kind, "email");
      if (interaction.channel === "whatsapp") assert.equal(input.sender.identifiers[0]?.kind, "whatsapp");
    }
  });

  it("is anonymous exactly when the channel knew nothing of the sender", () => {
    let anonymous = 0;
    for (const { interaction, input } of inputs) {
      assert.deepEqual(input.sender.identifiers, interaction.senderIdentifiers);
      assert.equal(input.sender.identifiers.length === 0, interaction.involvement.partyId === null);
      if (interaction.involvement.partyId === null) anonymous++;
      else assert.equal(interaction.involvement.partyId, interaction.senderPartyId);
      if (["email", "whatsapp", "sms"].includes(interaction.channel))
        assert.ok(input.sender.identifiers.length > 0);
    }
    const chats = inputs.filter(({ input }) => input.channel === "chat");
    const anonymousChats = chats.filter(({ input }) => input.sender.identifiers.length === 0);
    assert.ok(
      anonymousChats.length > 0.2 * chats.length,
      `${anonymousChats.length} of ${chats.length} chats`,
    );
    // A web form asks for an email address.
    for (const { interaction, input } of inputs.filter(({ input }) => input.channel === "webform")) {
      const email = parties
        .get(interaction.senderPartyId as string)
        ?.identifiers.find((i) => i.kind === "email");
      if (email)
        assert.ok(input.sender.identifiers.some((i) => i.kind === "email" && i.value === email.value));
    }
    assert.ok(
      anonymous > 0 && anonymous < 0.15 * inputs.length,
      `${anonymous} anonymous of ${inputs.length}`,
    );
  });

  it("quotes at most one reference per contact, always of the sender's own case", () => {
    const byReference = new Map(g.questions.map((q) => [q.reference, q.id]));
    for (const { interaction, input } of inputs) {
      const found = findQuestionReferences(`${input.subject ?? ""}\n${input.text}`)
        .map((reference) => byReference.get(reference))
        .filter((id): id is string => id !== undefined);
      assert.ok(new Set(found).size <= 1, interaction.id);
      for (const id of found)
        assert.equal(
          g.groundTruth.questions[id]?.caseId,
          g.groundTruth.questions[interaction.questionId]?.caseId,
        );
    }
  });

  it("gives a topic only on channels that know it, and a question only where staff linked it", () => {
    for (const { interaction, input } of inputs) {
      if (input.topicId !== undefined)
        assert.ok(
          ["webform", "phone", "counter", "letter"].includes(interaction.channel),
          interaction.channel,
        );
      assert.equal(input.questionId !== undefined, interaction.threading === "explicit");
      if (interaction.threading === "thread-key") assert.ok(input.inReplyTo.length > 0);
    }
    assert.ok(inputs.some(({ input }) => input.topicId !== undefined));
  });

  it("says for whom a representative acts", () => {
    const represented = inputs.filter(({ input }) => input.actingFor !== undefined);
    assert.ok(represented.length > 0);
    for (const { interaction, input } of represented) {
      assert.equal(input.actingFor?.relation, interaction.actingForRelation);
      if (input.actingFor?.kind === "organisation") {
        assert.equal(input.actingFor.identifiers[0]?.kind, "kvk");
        assert.equal(input.actingFor.relation, "company-contact");
      }
    }
  });

  it("refuses outbound interactions", () => {
    const outbound = g.interactions.find((i) => i.direction === "outbound");
    assert.ok(outbound);
    assert.throws(() => toIngestInput(g, outbound));
  });
});
