import { normaliseName, normalisePostcode } from "@omniloket/domain";
import { describeParty, inputDisplayName } from "./party-input";
import { type Rng, seededUuid } from "./random";
import type { GeneratedParty, GeneratedRepresentation, IdentifierInput, RepresentationKind } from "./types";

/**
 * The generator's mirror of what the ingest use case records (apps/server/src/features/ingest): who a
 * contact is from (identify-party.ts) and for whom (identify-represented.ts), and who may thread by
 * quoting a reference (thread-into-question.ts). The bulk load must write what ingest would write, so
 * these rules are copied here exactly; `bulk-load-matches-ingest.test.ts` in the server checks them.
 */

/** Stronger identifiers decide first when a sender gives several (as in identify-party.ts). */
const priority = ["bsn", "rsin", "kvk", "email", "whatsapp", "phone"] as const;

export type IngestMirror = {
  parties: Map<string, GeneratedParty>;
  /** `kind:value` → the party it leads to, and from when ingest knows it (-Infinity: before the window). */
  identifiers: Map<string, { partyId: string; since: number }>;
  /** Current representations (no end date) by representative, and representatives by the represented. */
  representationsBy: Map<string, GeneratedRepresentation[]>;
  representativesOf: Map<string, string[]>;
  /** Parties ingest created at a contact, in the order they were created. */
  created: GeneratedParty[];
};

export function createIngestMirror(
  parties: GeneratedParty[],
  representations: GeneratedRepresentation[],
): IngestMirror {
  const mirror: IngestMirror = {
    parties: new Map(parties.map((party) => [party.id, party])),
    identifiers: new Map(),
    representationsBy: new Map(),
    representativesOf: new Map(),
    created: [],
  };
  for (const party of parties)
    for (const identifier of party.identifiers)
      mirror.identifiers.set(keyOf(identifier), { partyId: party.id, since: Number.NEGATIVE_INFINITY });
  for (const representation of representations) {
    if (representation.validUntil !== null) continue;
    const by = mirror.representationsBy.get(representation.representativePartyId) ?? [];
    by.push(representation);
    mirror.representationsBy.set(representation.representativePartyId, by);
    const of = mirror.representativesOf.get(representation.representedPartyId) ?? [];
    of.push(representation.representativePartyId);
    mirror.representativesOf.set(representation.representedPartyId, of);
  }
  return mirror;
}

function keyOf(identifier: IdentifierInput): string {
  return `${identifier.kind}:${identifier.value}`;
}

export type ContactFacts = { at: number; interactionId: string; rng: Rng };

/**
 * identifyParty: the exact identifiers lead to a known party (the strongest first); addresses the sender
 * used that the party did not have yet join it, asserted by the channel. No identifiers: anonymous (null).
 *
 * Contacts are generated case by case, not in time order, so an address ingest adds is known only to
 * contacts after it. The generator never lets such an address decide who someone is, and never sends a
 * contact whose addresses are all unknown (ingest would create a party whose id the replay cannot
 * predict); both would make the result depend on the order of generation, so they throw.
 */
export function identifyParty(
  mirror: IngestMirror,
  identifiers: readonly IdentifierInput[],
  facts: ContactFacts,
): string | null {
  if (identifiers.length === 0) return null;
  const sorted = [...identifiers].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind));
  const knownAt = (identifier: IdentifierInput) => {
    const entry = mirror.identifiers.get(keyOf(identifier));
    return entry && entry.since < facts.at ? entry : undefined;
  };
  // As in ingest: a mobile number identifies across calls, texts and WhatsApp.
  const identifiesAt = (identifier: IdentifierInput) => {
    const exact = knownAt(identifier);
    if (exact || (identifier.kind !== "phone" && identifier.kind !== "whatsapp")) return exact;
    return knownAt({ ...identifier, kind: identifier.kind === "phone" ? "whatsapp" : "phone" });
  };
  const match = sorted.map(identifiesAt).find((entry) => entry !== undefined);
  if (!match) throw new Error(`No known identifier among ${sorted.map(keyOf).join(", ")}`);
  for (const identifier of sorted)
    if (!knownAt(identifier)) addIdentifier(mirror, match.partyId, identifier, facts);
  return match.partyId;
}

function addIdentifier(
  mirror: IngestMirror,
  partyId: string,
  identifier: IdentifierInput,
  facts: ContactFacts,
) {
  const party = mirror.parties.get(partyId);
  if (!party) throw new Error(`Unknown party ${partyId}`);
  const entry = mirror.identifiers.get(keyOf(identifier));
  const at = new Date(facts.at);
  if (entry) {
    // Added by a later contact that was generated first: this earlier contact is the one that adds it.
    const added = party.identifiers.find((i) => i.kind === identifier.kind && i.value === identifier.value);
    if (entry.partyId !== partyId || !added)
      throw new Error(`${keyOf(identifier)} would move between parties`);
    entry.since = facts.at;
    added.createdAt = at;
    added.createdByInteractionId = facts.interactionId;
    return;
  }
  mirror.identifiers.set(keyOf(identifier), { partyId, since: facts.at });
  party.identifiers.push({
    id: seededUuid(facts.rng),
    kind: identifier.kind,
    value: identifier.value,
    verification: "asserted-by-channel",
    verifiedAt: null,
    verifiedByEmployeeId: null,
    createdByInteractionId: facts.interactionId,
    createdAt: at,
  });
}

function sameName(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && normaliseName(a) === normaliseName(b);
}

/**
 * identifyRepresented: identifiers decide when the channel has them; otherwise the sender's registered
 * representations (the one with that name, else the only one of that kind); otherwise a new party known
 * only by the name and address given.
 */
export function identifyRepresented(
  mirror: IngestMirror,
  senderPartyId: string | null,
  actingFor: { party: GeneratedParty; identifiers: readonly IdentifierInput[]; relation: RepresentationKind },
  facts: ContactFacts,
): string {
  if (actingFor.identifiers.length > 0) {
    const partyId = identifyParty(mirror, actingFor.identifiers, facts);
    if (partyId) return partyId;
  }
  const described = describeParty(actingFor.party);
  const displayName = inputDisplayName(described);
  if (senderPartyId) {
    const represented = mirror.representationsBy.get(senderPartyId) ?? [];
    const byName = represented.filter((r) =>
      sameName(mirror.parties.get(r.representedPartyId)?.displayName ?? null, displayName),
    );
    const byRelation = represented.filter((r) => r.kind === actingFor.relation);
    const match = byName.length === 1 ? byName[0] : byRelation.length === 1 ? byRelation[0] : undefined;
    if (match) return match.representedPartyId;
  }
  const postcode = described.address?.postcode;
  const normalised = postcode ? normalisePostcode(postcode) : null;
  const party: GeneratedParty = {
    id: seededUuid(facts.rng),
    role: "named-in-contact",
    kind: described.kind,
    identityLevel: "address-based",
    displayName: displayName ?? "",
    givenName: described.name?.givenName ?? null,
    familyNamePrefix: described.name?.familyNamePrefix ?? null,
    familyName: described.name?.familyName ?? null,
    organisationName: described.organisationName ?? null,
    birthDate: null,
    street: described.address?.street ?? null,
    houseNumber: described.address?.houseNumber ?? null,
    postcode: normalised?.ok ? normalised.value : (postcode ?? null),
    city: described.address?.city ?? null,
    secret: false,
    identifiers: [],
    digitalAddresses: [],
    createdAt: new Date(facts.at),
    createdByInteractionId: facts.interactionId,
  };
  mirror.parties.set(party.id, party);
  mirror.created.push(party);
  return party.id;
}

/** Who may thread into a question by quoting its reference: its resident and their representatives. */
export function questionMembers(mirror: IngestMirror, residentPartyId: string | null): string[] {
  if (residentPartyId === null) return [];
  return [residentPartyId, ...(mirror.representativesOf.get(residentPartyId) ?? [])];
}
