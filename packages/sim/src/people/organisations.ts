import { DAY } from "../clock";
import { between, chance, pick, type Rng, seededUuid } from "../random";
import type { GeneratedParty } from "../types";
import { asciiSlug, newKvk, newMobile, newWorkEmail } from "./identifiers";
import { namePool } from "./names";
import { generatePerson, type Person, type PersonContext, randomAddress, randomDistrict } from "./person";

const trades = [
  "Bakkerij",
  "Kapsalon",
  "Café",
  "Bouwbedrijf",
  "Installatietechniek",
  "Schildersbedrijf",
  "Fietsenmaker",
  "Restaurant",
  "Bloemenwinkel",
  "Slagerij",
  "Autogarage",
  "Administratiekantoor",
  "Schoonheidssalon",
  "Hoveniersbedrijf",
  "Dakdekkersbedrijf",
  "Kinderopvang",
  "Eethuis",
  "Supermarkt",
  "Loodgietersbedrijf",
  "Fysiotherapie",
];

const nouns = [
  "De Korenaar",
  "De Hoek",
  "Het Anker",
  "De Molen",
  "De Linde",
  "Het Wapen",
  "De Zon",
  "Het Plein",
];

export type OrganisationClient = { party: GeneratedParty; contact: Person; kvk: string };

/** Companies with a KvK number (verified through eHerkenning) and one contact person who speaks for them. */
export function generateOrganisations(ctx: PersonContext, count: number): OrganisationClient[] {
  const { rng, registry } = ctx;
  const out: OrganisationClient[] = [];
  for (let i = 0; i < count; i++) {
    const owner = pick(
      rng,
      namePool(chance(rng, 0.8) ? "dutch" : pick(rng, ["turkish", "moroccan", "polish"] as const)).family,
    );
    const trade = pick(rng, trades);
    const base = chance(rng, 0.6)
      ? `${trade} ${[owner.prefix, owner.name].filter(Boolean).join(" ")}`
      : `${trade} ${pick(rng, nouns)}`;
    const name = `${base}${chance(rng, 0.4) ? " B.V." : chance(rng, 0.15) ? " V.O.F." : ""}`;
    let slug = asciiSlug(base);
    if (registry.used.has(`slug:${slug}`)) slug = `${slug}${i}`;
    registry.used.add(`slug:${slug}`);
    const kvk = newKvk(rng, registry);
    const district = randomDistrict(rng);
    const address = randomAddress(rng, district);
    const verifiedAt = new Date(ctx.startMs - between(rng, 30, 1200) * DAY);
    const party: GeneratedParty = {
      id: seededUuid(rng),
      role: "organisation",
      kind: "organisation",
      identityLevel: "verified",
      displayName: name,
      givenName: null,
      familyNamePrefix: null,
      familyName: null,
      organisationName: name,
      birthDate: null,
      ...address,
      secret: false,
      identifiers: [
        {
          id: seededUuid(rng),
          kind: "kvk",
          value: kvk,
          verification: "login",
          verifiedAt,
          verifiedByEmployeeId: null,
          createdByInteractionId: null,
          createdAt: null,
        },
      ],
      digitalAddresses: [],
      createdAt: verifiedAt,
      createdByInteractionId: null,
    };
    const contact = generatePerson(ctx, { role: "contact-person", district, verifiedShare: 0.3 });
    const workEmail = newWorkEmail(rng, registry, contact.party.givenName ?? "info", slug);
    useWorkAddresses(rng, contact, workEmail, contact.phone ?? newMobile(rng, registry));
    out.push({ party, contact, kvk });
  }
  return out;
}

/** A contact person reaches the municipality from work: the company address replaces the private one. */
export function useWorkAddresses(rng: Rng, contact: Person, email: string, phone: string) {
  const party = contact.party;
  party.identifiers = party.identifiers.filter((identifier) => identifier.kind !== "email");
  party.digitalAddresses = party.digitalAddresses.filter((address) => address.kind !== "email");
  party.identifiers.push({
    id: seededUuid(rng),
    kind: "email",
    value: email,
    verification: "asserted-by-channel",
    verifiedAt: null,
    verifiedByEmployeeId: null,
    createdByInteractionId: null,
    createdAt: null,
  });
  party.digitalAddresses.push({
    id: seededUuid(rng),
    kind: "email",
    address: email,
    isDefault: true,
    description: "werk",
    verifiedAt: null,
  });
  contact.email = email;
  if (contact.phone === null) {
    contact.phone = phone;
    party.identifiers.push({
      id: seededUuid(rng),
      kind: "phone",
      value: phone,
      verification: "asserted-by-channel",
      verifiedAt: null,
      verifiedByEmployeeId: null,
      createdByInteractionId: null,
      createdAt: null,
    });
    party.digitalAddresses.push({
      id: seededUuid(rng),
      kind: "phone",
      address: phone,
      isDefault: true,
      description: "werk",
      verifiedAt: null,
    });
  }
  contact.habits = {
    ...contact.habits,
    email: Math.max(contact.habits.email, 0.2),
    letter: contact.habits.letter * 0.3,
  };
}
