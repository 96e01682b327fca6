import type { IngestInteraction } from "@omniloket/contract";
import {
  type IdentifierKind,
  type IdentifierProblem,
  isKnownTopic,
  normaliseIdentifier,
  normalisePostcode,
} from "@omniloket/domain";
import { type InvalidParam, invalidInput } from "../../platform/errors";

export type NormalisedParty = {
  kind: "person" | "organisation";
  identifiers: Array<{ kind: IdentifierKind; value: string }>;
  name?: { givenName?: string; familyNamePrefix?: string; familyName?: string };
  organisationName?: string;
  address?: { street?: string; houseNumber?: string; postcode?: string; city?: string };
  displayName: string | null;
};

const problemText: Record<IdentifierProblem, string> = {
  empty: "is leeg",
  "not-digits": "mag alleen cijfers bevatten",
  "wrong-length": "heeft niet het juiste aantal cijfers",
  "fails-eleven-test": "is geen geldig nummer (de elfproef klopt niet)",
  "invalid-format": "heeft geen geldige vorm",
  "invalid-domain": "heeft geen geldig domein",
} as Record<IdentifierProblem, string>;

const kindLabel: Record<IdentifierKind, string> = {
  bsn: "BSN",
  rsin: "RSIN",
  kvk: "KvK-nummer",
  email: "E-mailadres",
  phone: "Telefoonnummer",
  whatsapp: "WhatsApp-nummer",
};

function displayNameOf(party: IngestInteraction["sender"]): string | null {
  if (party.organisationName) return party.organisationName;
  const parts = [party.name?.givenName, party.name?.familyNamePrefix, party.name?.familyName].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

function normaliseParty(
  party: IngestInteraction["sender"],
  path: string,
  problems: InvalidParam[],
): NormalisedParty {
  const identifiers: NormalisedParty["identifiers"] = [];
  party.identifiers.forEach((identifier, index) => {
    const result = normaliseIdentifier(identifier.kind, identifier.value);
    if (result.ok) {
      if (!identifiers.some((i) => i.kind === identifier.kind && i.value === result.value)) {
        identifiers.push({ kind: identifier.kind, value: result.value });
      }
      return;
    }
    problems.push({
      name: `${path}.identifiers.${index}.value`,
      code: `invalid-${identifier.kind}`,
      reason: `${kindLabel[identifier.kind]} ${problemText[result.problem] ?? "is niet geldig"}.`,
    });
  });
  let address = party.address;
  if (address?.postcode) {
    const postcode = normalisePostcode(address.postcode);
    if (postcode.ok) address = { ...address, postcode: postcode.value };
    else
      problems.push({
        name: `${path}.address.postcode`,
        code: "invalid-postcode",
        reason: "Postcode heeft niet de vorm 1234 AB.",
      });
  }
  return {
    kind: party.kind,
    identifiers,
    name: party.name,
    organisationName: party.organisationName,
    address,
    displayName: displayNameOf(party),
  };
}

export type NormalisedIngest = Omit<IngestInteraction, "sender" | "actingFor"> & {
  sender: NormalisedParty;
  actingFor: (NormalisedParty & { relation: NonNullable<IngestInteraction["actingFor"]>["relation"] }) | null;
  occurredAt: string;
};

/** Checks what the schema cannot (identifiers, topic) and reports every problem at once, by field. */
export function normaliseIngestInput(input: IngestInteraction, now: Date): NormalisedIngest {
  const problems: InvalidParam[] = [];
  const sender = normaliseParty(input.sender, "sender", problems);
  const actingFor = input.actingFor
    ? { ...normaliseParty(input.actingFor, "actingFor", problems), relation: input.actingFor.relation }
    : null;
  if (actingFor && actingFor.identifiers.length === 0 && actingFor.displayName === null) {
    problems.push({
      name: "actingFor",
      code: "required",
      reason: "Geef een kenmerk of de naam van de inwoner namens wie contact wordt opgenomen.",
    });
  }
  if (input.topicId !== undefined && !isKnownTopic(input.topicId)) {
    problems.push({
      name: "topicId",
      code: "unknown-topic",
      reason: `Onbekend onderwerp "${input.topicId}".`,
    });
  }
  if (problems.length > 0)
    throw invalidInput(
      problems,
      `De invoer is niet geldig: controleer ${problems.map((p) => p.name).join(", ")}.`,
    );
  return { ...input, sender, actingFor, occurredAt: input.occurredAt ?? now.toISOString() };
}
