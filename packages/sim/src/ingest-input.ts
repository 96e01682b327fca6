import {
  type IngestInteraction,
  type IngestInteractionInput,
  ingestInteractionSchema,
} from "@omniloket/contract";
import type { GeneratedInteraction, GeneratedMunicipality, GeneratedParty } from "./types";

type PartyInput = IngestInteraction["sender"];
type Identifiers = PartyInput["identifiers"];

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

function bsnOf(party: GeneratedParty): string | null {
  return party.identifiers.find((identifier) => identifier.kind === "bsn")?.value ?? null;
}

function nameOf(party: GeneratedParty): PartyInput["name"] {
  if (party.kind !== "person") return undefined;
  return {
    givenName: party.givenName ?? undefined,
    familyNamePrefix: party.familyNamePrefix ?? undefined,
    familyName: party.familyName ?? undefined,
  };
}

function addressOf(party: GeneratedParty): PartyInput["address"] {
  if (!party.street) return undefined;
  return {
    street: party.street,
    houseNumber: party.houseNumber ?? undefined,
    postcode: party.postcode ?? undefined,
    city: party.city ?? undefined,
  };
}

/**
 * What the ingest use case would receive for one inbound contact: only what the channel knows.
 * The sender is identified by the channel address (caller id, email, WhatsApp number), plus the BSN when
 * they logged in with DigiD, showed ID at the counter, or staff matched a letter in the BRP. The topic
 * is given only where the channel knows it (form, IVR); the question only where staff linked the
 * contact ("explicit"). References and email headers are left for ingest to find in the text.
 */
export function toIngestInput(
  generated: GeneratedMunicipality,
  interaction: GeneratedInteraction,
): IngestInteraction {
  if (interaction.direction !== "inbound" || interaction.senderPartyId === null) {
    throw new Error(`Interaction ${interaction.id} is not an inbound contact`);
  }
  const sender = partyById(generated, interaction.senderPartyId);
  const identifiers: Identifiers = [];
  if (interaction.address)
    identifiers.push({ kind: interaction.address.kind, value: interaction.address.value });
  const bsn = bsnOf(sender);
  if (bsn && (interaction.authenticated || interaction.channel === "letter"))
    identifiers.push({ kind: "bsn", value: bsn });
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
      identifiers,
      name: nameOf(sender),
      address: postal ? addressOf(sender) : undefined,
    },
  };
  if (interaction.subject !== null) input.subject = interaction.subject;
  if (interaction.channelTopicId !== null) input.topicId = interaction.channelTopicId;
  if (interaction.threadKey !== null) input.threadKey = interaction.threadKey;
  if (interaction.threading === "explicit") input.questionId = interaction.questionId;
  if (interaction.actingForPartyId !== null) {
    const represented = partyById(generated, interaction.actingForPartyId);
    const representedIdentifiers: Identifiers = [];
    const kvk = represented.identifiers.find((identifier) => identifier.kind === "kvk");
    const representedBsn = bsnOf(represented);
    if (kvk) representedIdentifiers.push({ kind: "kvk", value: kvk.value });
    else if (
      representedBsn &&
      (interaction.authenticated || interaction.channel === "letter" || interaction.channel === "counter")
    ) {
      representedIdentifiers.push({ kind: "bsn", value: representedBsn });
    }
    input.actingFor = {
      kind: represented.kind,
      identifiers: representedIdentifiers,
      name: nameOf(represented),
      organisationName: represented.organisationName ?? undefined,
      address: addressOf(represented),
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
