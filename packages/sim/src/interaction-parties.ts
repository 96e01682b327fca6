import { createRng, seededUuid } from "./random";
import type { GeneratedMunicipality } from "./types";

export type InteractionPartyRow = {
  id: string;
  interactionId: string;
  /** Null for an anonymous contact: nobody is identified, only the name given is kept. */
  partyId: string | null;
  timelinePartyId: string | null;
  role: "resident" | "representative";
  initiator: boolean;
  contactName: string | null;
  occurredAt: Date;
};

/**
 * Who took part in each contact (Betrokkene), written as ingest writes it: a representative's contact
 * lands in the represented resident's timeline, with a "resident" row for the one they act for and a
 * "representative" row for the sender; otherwise one "resident" row for the sender, whose party (and
 * so timeline) is null when the contact was anonymous. A reply has the same parties as the contact it
 * answers, none of them the initiator.
 */
export function interactionPartyRows(generated: GeneratedMunicipality): InteractionPartyRow[] {
  const rng = createRng(`${generated.options.seed}:interaction-parties`);
  const rows: InteractionPartyRow[] = [];
  for (const interaction of generated.interactions) {
    const { partyId, representedPartyId, contactName } = interaction.involvement;
    const inbound = interaction.direction === "inbound";
    const occurredAt = interaction.occurredAt;
    if (representedPartyId !== null) {
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId: representedPartyId,
        timelinePartyId: representedPartyId,
        role: "resident",
        initiator: false,
        contactName: null,
        occurredAt,
      });
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId,
        timelinePartyId: representedPartyId,
        role: "representative",
        initiator: inbound,
        contactName,
        occurredAt,
      });
    } else {
      rows.push({
        id: seededUuid(rng),
        interactionId: interaction.id,
        partyId,
        timelinePartyId: partyId,
        role: "resident",
        initiator: inbound,
        contactName,
        occurredAt,
      });
    }
  }
  return rows;
}
