import { createRng, seededUuid } from "./random";
import type { GeneratedInteraction, GeneratedMunicipality } from "./types";

export type InteractionPartyRow = {
  id: string;
  interactionId: string;
  partyId: string;
  timelinePartyId: string;
  role: "resident" | "representative";
  initiator: boolean;
  contactName: string | null;
  occurredAt: Date;
};

/**
 * Who took part in each contact (Betrokkene). A representative's contact lands in the represented
 * resident's timeline: a "representative" row for the sender and a "resident" row for the one they act for.
 */
export function interactionPartyRows(generated: GeneratedMunicipality): InteractionPartyRow[] {
  const rng = createRng(`${generated.options.seed}:interaction-parties`);
  const names = new Map(generated.parties.map((party) => [party.id, party.displayName]));
  const rows: InteractionPartyRow[] = [];
  for (const interaction of generated.interactions) {
    const contactPartyId = contactParty(interaction);
    if (contactPartyId === null) continue;
    const initiator = interaction.direction === "inbound";
    const occurredAt = interaction.occurredAt;
    if (interaction.actingForPartyId !== null) {
      const timelinePartyId = interaction.actingForPartyId;
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId: contactPartyId,
        timelinePartyId,
        role: "representative",
        initiator,
        contactName: names.get(contactPartyId) ?? null,
        occurredAt,
      });
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId: timelinePartyId,
        timelinePartyId,
        role: "resident",
        initiator: false,
        contactName: null,
        occurredAt,
      });
    } else {
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId: contactPartyId,
        timelinePartyId: contactPartyId,
        role: "resident",
        initiator,
        contactName: names.get(contactPartyId) ?? null,
        occurredAt,
      });
    }
  }
  return rows;
}

function contactParty(interaction: GeneratedInteraction): string | null {
  return interaction.direction === "inbound" ? interaction.senderPartyId : interaction.recipientPartyId;
}
