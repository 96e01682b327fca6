import {
  type IngestInteraction,
  type IngestInteractionInput,
  ingestInteractionSchema,
} from "@omniloket/contract";
import { personName, postalAddress } from "./party-input";
import type { GeneratedInteraction, GeneratedMunicipality, GeneratedParty } from "./types";

const partyIndex = new WeakMap<GeneratedMunicipality, Map<string, GeneratedParty>>();

function partyById(generated: GeneratedMunicipality, id: string): GeneratedParty {
  let index = partyIndex.get(generated);
  if (!index) {
    index = new Map(generated.parties.map((party) => [party.id, party]));
    partyIndex.set(generated, index);
  }
  const party = index.get(id);
  if (!party) throw new Error(`Unknown party ${id}`);
  return party;
}

/**
 * What the ingest use case would receive for one inbound contact: only what the channel knows
 * (`senderIdentifiers`: the channel address, the BSN after DigiD, an ID check or a BRP match; nothing for
 * an anonymous chat), the name the contact gave, the postal address where the channel has one, the topic
 * where the channel or the staff member registering it gave one, the question only where staff linked the
 * contact ("explicit"), and for a representative whom they act for. References and email headers are
 * left for ingest to find in the text.
 */
export function toIngestInput(
  generated: GeneratedMunicipality,
  interaction: GeneratedInteraction,
): IngestInteraction {
  if (interaction.direction !== "inbound" || interaction.senderPartyId === null) {
    throw new Error(`Interaction ${interaction.id} is not an inbound contact`);
  }
  const sender = partyById(generated, interaction.senderPartyId);
  const postal =
    interaction.channel === "letter" ||
    interaction.channel === "counter" ||
    interaction.channel === "webform";

  const input: IngestInteractionInput = {
    channel: interaction.channel,
    externalId: interaction.externalId,
    occurredAt: interaction.occurredAt.toISOString(),
    direction: "inbound",
    text: interaction.text,
    language: interaction.language,
    inReplyTo: [...interaction.inReplyTo],
    sender: {
      kind: "person",
      identifiers: interaction.senderIdentifiers.map((i) => ({ kind: i.kind, value: i.value })),
      name: personName(sender),
      address: postal ? postalAddress(sender) : undefined,
    },
    confidential: interaction.confidential,
  };
  if (interaction.subject !== null) input.subject = interaction.subject;
  if (interaction.channelTopicId !== null) input.topicId = interaction.channelTopicId;
  if (interaction.threadKey !== null) input.threadKey = interaction.threadKey;
  if (interaction.threading === "explicit") input.questionId = interaction.questionId;
  if (interaction.actingForPartyId !== null) {
    const represented = partyById(generated, interaction.actingForPartyId);
    input.actingFor = {
      kind: represented.kind,
      identifiers: interaction.actingForIdentifiers.map((i) => ({ kind: i.kind, value: i.value })),
      name: personName(represented),
      organisationName: represented.organisationName ?? undefined,
      address: postalAddress(represented),
      relation: interaction.actingForRelation ?? "other",
    };
  }
  // Parsing fills the contract's defaults and proves the generated contact is valid input.
  return ingestInteractionSchema.parse(input);
}

/** Every inbound contact with its ingest input, in the order they happened (the order to replay them in). */
export function ingestInputs(
  generated: GeneratedMunicipality,
): Array<{ interaction: GeneratedInteraction; input: IngestInteraction }> {
  return generated.interactions
    .filter((interaction) => interaction.direction === "inbound")
    .map((interaction) => ({ interaction, input: toIngestInput(generated, interaction) }));
}
