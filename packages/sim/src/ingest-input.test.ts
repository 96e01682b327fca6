import assert from "node:assert/strict";
import { describe, it } from "node:test";
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

  it("gives a topic only on channels that know it, and a question only where staff linked it", () => {
    for (const { interaction, input } of inputs) {
      if (input.topicId !== undefined)
        assert.ok(interaction.channel === "webform" || interaction.channel === "phone");
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
