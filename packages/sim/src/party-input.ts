import type { IngestInteraction } from "@omniloket/contract";
import type { GeneratedParty } from "./types";

/** How a contact describes a party to ingest, shared by `toIngestInput` and the generator's mirror of ingest. */

type PartyInput = IngestInteraction["sender"];

export function personName(party: GeneratedParty): PartyInput["name"] {
  if (party.kind !== "person") return undefined;
  return {
    givenName: party.givenName ?? undefined,
    familyNamePrefix: party.familyNamePrefix ?? undefined,
    familyName: party.familyName ?? undefined,
  };
}

export function postalAddress(party: GeneratedParty): PartyInput["address"] {
  if (!party.street) return undefined;
  return {
    street: party.street,
    houseNumber: party.houseNumber ?? undefined,
    postcode: party.postcode ?? undefined,
    city: party.city ?? undefined,
  };
}

/** The name ingest keeps for a party input: the organisation name, else the parts of the person's name. */
export function inputDisplayName(input: {
  organisationName?: string;
  name?: PartyInput["name"];
}): string | null {
  if (input.organisationName) return input.organisationName;
  const parts = [input.name?.givenName, input.name?.familyNamePrefix, input.name?.familyName].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** What a party's contact says about them (without identifiers). */
export function describeParty(party: GeneratedParty) {
  return {
    kind: party.kind,
    name: personName(party),
    organisationName: party.organisationName ?? undefined,
    address: postalAddress(party),
  };
}
