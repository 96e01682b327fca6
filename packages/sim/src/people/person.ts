import { DAY } from "../clock";
import { between, chance, int, logNormal, pick, type Rng, seededUuid, weightedPick } from "../random";
import type {
  DigitalSkill,
  GeneratedDigitalAddress,
  GeneratedIdentifier,
  GeneratedParty,
  Language,
  PartyRole,
  SimChannel,
} from "../types";
import { CITY, type District, districts, postcodeFor } from "./districts";
import { channelHabits } from "./habits";
import { type IdentifierRegistry, newBsn, newLandline, newMobile, newPersonalEmail } from "./identifiers";
import { type Background, backgroundWeights, homeLanguageShare, namePool } from "./names";

/** Everything the simulation knows about a person; only `party` reaches the database. */
export type Person = {
  party: GeneratedParty;
  background: Background;
  sex: "female" | "male";
  age: number;
  district: District;
  /** The language they write in when not writing Dutch, and how often they do. */
  language: Language;
  otherLanguageShare: number;
  skill: DigitalSkill;
  habits: Record<SimChannel, number>;
  /** Chance of being reachable and free to call or visit during office hours. */
  daytimeAvailability: number;
  lowIncome: boolean;
  hasChildren: boolean;
  /** Multiplier on how many questions this person has in a year. */
  activity: number;
  /** Median calendar days they wait for an answer before trying again. */
  patienceDays: number;
  /** Contacts on one question before they give up. */
  persistence: number;
  /** Chance they quote a reference they know. */
  quotesReference: number;
  email: string | null;
  phone: string | null;
  whatsapp: boolean;
  bsn: string | null;
};

export type PersonContext = {
  rng: Rng;
  registry: IdentifierRegistry;
  startMs: number;
  endMs: number;
  /** Counter agents who may have checked an ID. */
  counterEmployeeIds: string[];
};

export type PersonSpec = {
  role: PartyRole;
  age?: number;
  district?: District;
  background?: Background;
  familyName?: { prefix: string | null; name: string };
  address?: { street: string; houseNumber: string; postcode: string; city: string };
  verifiedShare?: number;
};

const adultAgeBands = [
  { from: 18, to: 29, weight: 18 },
  { from: 30, to: 44, weight: 24 },
  { from: 45, to: 64, weight: 33 },
  { from: 65, to: 79, weight: 18 },
  { from: 80, to: 97, weight: 7 },
];

function drawAge(rng: Rng, district: District): number {
  const elderlyFactor = district.elderly / 0.2;
  const weights: Record<string, number> = {};
  for (const [i, band] of adultAgeBands.entries())
    weights[i] = band.from >= 65 ? band.weight * elderlyFactor : band.weight;
  const band = adultAgeBands[Number(weightedPick(rng, weights))] as (typeof adultAgeBands)[number];
  return int(rng, band.from, band.to);
}

function drawSkill(rng: Rng, age: number, lowIncome: boolean): DigitalSkill {
  const table: Record<DigitalSkill, number> =
    age < 45
      ? { high: 60, medium: 33, low: 7 }
      : age < 65
        ? { high: 40, medium: 42, low: 18 }
        : age < 80
          ? { high: 20, medium: 45, low: 35 }
          : { high: 5, medium: 30, low: 65 };
  if (lowIncome) {
    table.low *= 1.6;
    table.high *= 0.7;
  }
  return weightedPick(rng, table);
}

function daytimeAvailability(rng: Rng, age: number, lowIncome: boolean): number {
  let base: number;
  if (age >= 67) base = 0.92;
  else if (age < 25) base = 0.55;
  else if (lowIncome && chance(rng, 0.45)) base = 0.88;
  else base = chance(rng, 0.3) ? 0.6 : 0.28;
  return Math.round(Math.min(0.98, Math.max(0.05, base + between(rng, -0.1, 0.1))) * 100) / 100;
}

export function randomDistrict(rng: Rng): District {
  const weights: Record<string, number> = {};
  for (const [i, district] of districts.entries()) weights[i] = district.weight;
  return districts[Number(weightedPick(rng, weights))] as District;
}

export function randomAddress(rng: Rng, district: District) {
  const streetIndex = int(rng, 0, district.streets.length - 1);
  const number = int(rng, 1, 180);
  const suffix = chance(rng, 0.12) ? pick(rng, ["a", "b", "-1", "-2", "bis"]) : "";
  return {
    street: district.streets[streetIndex] as string,
    houseNumber: `${number}${suffix}`,
    postcode: postcodeFor(district, streetIndex, number),
    city: CITY,
  };
}

export function birthDateFor(rng: Rng, age: number, endMs: number): string {
  const ms = endMs - age * 365.25 * DAY - between(rng, 1, 364) * DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

export function generatePerson(ctx: PersonContext, spec: PersonSpec): Person {
  const { rng, registry } = ctx;
  const district = spec.district ?? randomDistrict(rng);
  const background =
    spec.background ??
    weightedPick(rng, {
      ...backgroundWeights,
      dutch: backgroundWeights.dutch / Math.max(0.3, district.diversity),
    });
  const age = spec.age ?? drawAge(rng, district);
  const sex = chance(rng, 0.51) ? "female" : "male";
  const pool = namePool(background);
  const givenName = pick(rng, sex === "female" ? pool.female : pool.male);
  const family = spec.familyName ?? pick(rng, pool.family);
  const lowIncome = chance(rng, district.lowIncome * (background === "dutch" ? 1 : 1.5));
  const home = homeLanguageShare[background];
  // Younger people who grew up here mostly write Dutch.
  const otherLanguageShare = home.language === "nld" ? 0 : age < 30 ? home.share * 0.4 : home.share;
  const skill = drawSkill(rng, age, lowIncome);
  const availability = daytimeAvailability(rng, age, lowIncome);
  const birthYear = new Date(ctx.endMs).getUTCFullYear() - age;

  const hasEmail = chance(rng, age >= 80 ? 0.4 : skill === "low" ? 0.55 : 0.97);
  const mobile = chance(rng, age >= 80 ? 0.7 : age < 16 ? 0.8 : 0.95);
  const phone = mobile ? newMobile(rng, registry) : chance(rng, 0.8) ? newLandline(rng, registry) : null;
  const whatsapp = mobile && chance(rng, age < 65 ? 0.85 : 0.5);
  const email = hasEmail
    ? newPersonalEmail(rng, registry, {
        givenName,
        familyNamePrefix: family.prefix,
        familyName: family.name,
        birthYear,
      })
    : null;
  const verified = age >= 16 && chance(rng, spec.verifiedShare ?? 0.55);
  const bsn = verified || (age < 18 && chance(rng, 0.4)) ? newBsn(rng, registry) : null;
  const address = spec.address ?? randomAddress(rng, district);

  const party = buildParty(ctx, {
    role: spec.role,
    givenName,
    family,
    birthDate: birthDateFor(rng, age, ctx.endMs),
    address,
    bsn,
    email,
    phone,
    whatsapp,
    verifiedByLogin: chance(rng, 0.7),
  });
  return {
    party,
    background,
    sex,
    age,
    district,
    language: home.language,
    otherLanguageShare,
    skill,
    habits: channelHabits(rng, {
      age,
      skill,
      daytimeAvailability: availability,
      hasEmail,
      hasPhone: phone !== null,
      hasWhatsapp: whatsapp,
      writesOtherLanguage: otherLanguageShare > 0.3,
    }),
    daytimeAvailability: availability,
    lowIncome,
    hasChildren: age >= 26 && age <= 58 && chance(rng, district.families * 1.4),
    activity: logNormal(rng, 1, 0.6) * (lowIncome ? 1.35 : 1) * (age >= 75 ? 1.15 : 1),
    patienceDays: logNormal(rng, lowIncome ? 9 : 12, 0.45),
    persistence: Number(weightedPick(rng, { 2: 15, 3: 30, 4: 30, 5: 15, 6: 10 })),
    quotesReference:
      skill === "high"
        ? between(rng, 0.4, 0.9)
        : skill === "medium"
          ? between(rng, 0.2, 0.7)
          : between(rng, 0.05, 0.35),
    email,
    phone,
    whatsapp,
    bsn,
  };
}

type PartyInput = {
  role: PartyRole;
  givenName: string;
  family: { prefix: string | null; name: string };
  birthDate: string;
  address: { street: string; houseNumber: string; postcode: string; city: string };
  bsn: string | null;
  email: string | null;
  phone: string | null;
  whatsapp: boolean;
  verifiedByLogin: boolean;
};

function buildParty(ctx: PersonContext, input: PartyInput): GeneratedParty {
  const { rng } = ctx;
  const id = seededUuid(rng);
  const before = (maxDays: number) => new Date(ctx.startMs - between(rng, 1, maxDays) * DAY);
  const identifiers: GeneratedIdentifier[] = [];
  const addresses: GeneratedDigitalAddress[] = [];
  const verified = input.bsn !== null;
  if (input.bsn) {
    const byCounter = !input.verifiedByLogin && ctx.counterEmployeeIds.length > 0;
    identifiers.push({
      id: seededUuid(rng),
      kind: "bsn",
      value: input.bsn,
      verification: byCounter ? "counter-id-check" : "login",
      verifiedAt: before(900),
      verifiedByEmployeeId: byCounter ? pick(rng, ctx.counterEmployeeIds) : null,
      createdByInteractionId: null,
      createdAt: null,
    });
  }
  const channelIdentifier = (kind: "email" | "phone" | "whatsapp", value: string) => {
    const coded = verified && kind !== "whatsapp" && chance(rng, 0.5);
    const verifiedAt = coded ? before(700) : null;
    identifiers.push({
      id: seededUuid(rng),
      kind,
      value,
      verification: coded ? "code" : "asserted-by-channel",
      verifiedAt,
      verifiedByEmployeeId: null,
      createdByInteractionId: null,
      createdAt: null,
    });
    addresses.push({
      id: seededUuid(rng),
      kind,
      address: value,
      isDefault: true,
      description: kind === "email" ? "privé" : null,
      verifiedAt,
    });
  };
  if (input.email) channelIdentifier("email", input.email);
  if (input.phone) channelIdentifier("phone", input.phone);
  if (input.phone && input.whatsapp) channelIdentifier("whatsapp", input.phone);
  return {
    id,
    role: input.role,
    kind: "person",
    identityLevel: verified ? "verified" : "address-based",
    displayName: [input.givenName, input.family.prefix, input.family.name].filter(Boolean).join(" "),
    givenName: input.givenName,
    familyNamePrefix: input.family.prefix,
    familyName: input.family.name,
    organisationName: null,
    birthDate: input.birthDate,
    street: input.address.street,
    houseNumber: input.address.houseNumber,
    postcode: input.address.postcode,
    city: input.address.city,
    secret: chance(rng, 0.004),
    identifiers,
    digitalAddresses: addresses,
    createdAt: before(1500),
    createdByInteractionId: null,
  };
}
