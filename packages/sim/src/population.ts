import { DAY } from "./clock";
import { asciiSlug, createIdentifierRegistry, newMobile, newWorkEmail } from "./people/identifiers";
import { generateOrganisations, type OrganisationClient, useWorkAddresses } from "./people/organisations";
import { generatePerson, type Person, type PersonContext } from "./people/person";
import { between, chance, int, pick, type Rng, seededUuid } from "./random";
import type {
  GeneratedConsent,
  GeneratedParty,
  GeneratedPreference,
  GeneratedRepresentation,
  RepresentationKind,
  SimChannel,
} from "./types";
import { SIM_CHANNELS } from "./types";

/** Someone who has questions: a resident (perhaps helped by a representative) or an organisation. */
export type Client = {
  subject: GeneratedParty;
  /** The resident themself; null for an organisation, which only speaks through its contact. */
  person: Person | null;
  representative: {
    person: Person;
    kind: RepresentationKind;
    representationId: string;
    takesOver: number;
  } | null;
  organisation: OrganisationClient | null;
};

export type Population = {
  clients: Client[];
  parties: GeneratedParty[];
  representations: GeneratedRepresentation[];
  preferences: GeneratedPreference[];
  consents: GeneratedConsent[];
};

export type PopulationOptions = {
  residents: number;
  startMs: number;
  endMs: number;
  counterEmployeeIds: string[];
};

const otherCities = ["Buurdorp", "Oosterwijde", "Lindewaard"];

export function generatePopulation(rng: Rng, options: PopulationOptions): Population {
  const ctx: PersonContext = {
    rng,
    registry: createIdentifierRegistry(),
    startMs: options.startMs,
    endMs: options.endMs,
    counterEmployeeIds: options.counterEmployeeIds,
  };
  const minors = Math.round(options.residents * 0.015);
  const adults: Person[] = [];
  for (let i = 0; i < options.residents - minors; i++) adults.push(generatePerson(ctx, { role: "resident" }));

  const clients: Client[] = adults.map((person) => ({
    subject: person.party,
    person,
    representative: null,
    organisation: null,
  }));
  const extraParties: GeneratedParty[] = [];
  const representations: GeneratedRepresentation[] = [];
  const represent = (client: Client, person: Person, kind: RepresentationKind, takesOver: number) => {
    const representation: GeneratedRepresentation = {
      id: seededUuid(rng),
      representativePartyId: person.party.id,
      representedPartyId: client.subject.id,
      kind,
      validFrom: new Date(options.startMs - between(rng, -200, 1500) * DAY),
      validUntil: null,
    };
    representations.push(representation);
    client.representative = { person, kind, representationId: representation.id, takesOver };
  };

  // Minors: a parent who is a resident themself speaks for them.
  const parents = adults.filter((p) => p.hasChildren && p.age >= 32);
  for (let i = 0; i < minors; i++) {
    const parent = parents.length > 0 ? pick(rng, parents) : (adults[i % adults.length] as Person);
    const child = generatePerson(ctx, {
      role: "resident",
      age: int(rng, 12, 17),
      district: parent.district,
      background: parent.background,
      familyName: { prefix: parent.party.familyNamePrefix, name: parent.party.familyName ?? "" },
      address: addressOf(parent.party),
      verifiedShare: 0,
    });
    const client: Client = { subject: child.party, person: child, representative: null, organisation: null };
    represent(client, parent, "parent", 0.85);
    clients.push(client);
  }

  // Elderly residents who struggle: a son or daughter as informal carer.
  for (const client of clients) {
    const person = client.person as Person;
    if (client.representative || person.age < 75 || person.skill !== "low" || !chance(rng, 0.14)) continue;
    const carer = generatePerson(ctx, {
      role: "representative",
      age: int(rng, 42, 66),
      background: person.background,
      familyName: chance(rng, 0.5)
        ? { prefix: person.party.familyNamePrefix, name: person.party.familyName ?? "" }
        : undefined,
    });
    if (chance(rng, 0.4)) carer.party.city = pick(rng, otherCities);
    extraParties.push(carer.party);
    represent(client, carer, "informal-carer", 0.7);
  }

  // A few professional administrators (bewindvoerders) each look after several residents.
  const guardians = Array.from({ length: Math.max(1, Math.round(options.residents / 1700)) }, () =>
    generatePerson(ctx, {
      role: "representative",
      age: int(rng, 35, 60),
      background: "dutch",
      verifiedShare: 0,
    }),
  );
  for (const guardian of guardians) {
    const office = `bewind${asciiSlug(guardian.party.familyName ?? "")}`;
    useWorkAddresses(
      rng,
      guardian,
      newWorkEmail(rng, ctx.registry, guardian.party.givenName ?? "info", office),
      guardian.phone ?? newMobile(rng, ctx.registry),
    );
    guardian.habits = { ...guardian.habits, email: 0.45, webform: 0.2, phone: 0.3, letter: 0.05 };
    guardian.persistence = 6;
    extraParties.push(guardian.party);
  }
  for (const client of clients) {
    const person = client.person as Person;
    if (client.representative || person.age < 18) continue;
    if ((person.lowIncome && chance(rng, 0.02)) || (person.age >= 82 && chance(rng, 0.04))) {
      represent(client, pick(rng, guardians), "guardian", 0.9);
    }
  }

  const organisations = generateOrganisations(ctx, Math.round(options.residents * 0.02));
  for (const organisation of organisations) {
    const client: Client = { subject: organisation.party, person: null, representative: null, organisation };
    represent(client, organisation.contact, "company-contact", 1);
    extraParties.push(organisation.contact.party);
    clients.push(client);
  }

  const parties = [...clients.map((c) => c.subject), ...extraParties];
  const { preferences, consents } = preferencesAndConsents(rng, clients, options);
  return { clients, parties, representations, preferences, consents };
}

function addressOf(party: GeneratedParty) {
  return {
    street: party.street ?? "",
    houseNumber: party.houseNumber ?? "",
    postcode: party.postcode ?? "",
    city: party.city ?? "",
  };
}

function favouriteChannel(habits: Record<SimChannel, number>): SimChannel {
  return SIM_CHANNELS.reduce(
    (best, channel) => (habits[channel] > habits[best] ? channel : best),
    "phone" as SimChannel,
  );
}

function preferencesAndConsents(rng: Rng, clients: Client[], options: PopulationOptions) {
  const preferences: GeneratedPreference[] = [];
  const consents: GeneratedConsent[] = [];
  const when = () =>
    new Date(options.startMs + between(rng, -400, (options.endMs - options.startMs) / DAY) * DAY);
  for (const client of clients) {
    const person = client.person;
    if (!person) continue;
    const speaksOther = person.otherLanguageShare > 0.3;
    if (speaksOther || person.skill === "low" || chance(rng, 0.22)) {
      const needs: string[] = [];
      if (person.skill === "low" && chance(rng, 0.4)) needs.push("plain-language");
      if (speaksOther && chance(rng, 0.3)) needs.push("interpreter");
      if (person.age >= 75 && chance(rng, 0.2)) needs.push("large-print");
      if (person.daytimeAvailability < 0.4 && chance(rng, 0.3)) needs.push("contact-after-office-hours");
      preferences.push({
        partyId: person.party.id,
        preferredChannel: chance(rng, 0.6) ? favouriteChannel(person.habits) : null,
        language: speaksOther ? person.language : chance(rng, 0.5) ? "nld" : null,
        needs,
        noDigitalContact: person.skill === "low" && person.age >= 75 && chance(rng, 0.4),
        updatedAt: when(),
      });
    }
    if (chance(rng, 0.35)) {
      consents.push({
        id: seededUuid(rng),
        partyId: person.party.id,
        purpose: "proactive-contact",
        given: chance(rng, 0.75),
        recordedAt: when(),
        source: pick(rng, ["portal", "counter", "phone", "email"] as const),
      });
    }
    if (chance(rng, 0.1)) {
      consents.push({
        id: seededUuid(rng),
        partyId: person.party.id,
        purpose: "satisfaction-survey",
        given: chance(rng, 0.6),
        recordedAt: when(),
        source: pick(rng, ["portal", "webform", "email"] as const),
      });
    }
  }
  return { preferences, consents };
}
