/** Below this many residents a group's figures are not shown ("te klein"), so no one can be singled out. */
export const MIN_GROUP_RESIDENTS = 10;

export const FAIRNESS_DIMENSIONS = [
  "district",
  "age-band",
  "language",
  "preferred-channel",
  "channel-use",
] as const;
export type FairnessDimensionId = (typeof FAIRNESS_DIMENSIONS)[number];

/** What is known about one resident for the fairness report; null where it is not stored. */
export type ResidentGroupFacts = {
  partyId: string;
  /** The four digits of the postcode (the postcode area stands in for the district). */
  postcodeArea: string | null;
  birthDate: string | null;
  /** The language the resident writes in most (of their inbound contacts). */
  contactLanguage: string | null;
  preferredChannel: string | null;
  /** Channels of the resident's inbound contacts. */
  channelsUsed: readonly string[];
  signalsRaised: number;
  signalsAccepted: number;
};

export type FairnessGroup = {
  /** A code: a postcode area, an age band ("18-29"), a language, a channel, or "unknown". */
  value: string;
  /** Dutch. */
  label: string;
  tooSmall: boolean;
  /** Null when the group is too small. */
  residents: number | null;
  signalsRaised: number | null;
  /** Signals raised per 100 residents of the group. */
  raisedPer100: number | null;
  signalsAccepted: number | null;
  /** Accepted signals as a share (0–1) of those raised; null when none were raised or the group is too small. */
  acceptedShare: number | null;
};

export type FairnessDimension = { id: FairnessDimensionId; label: string; groups: FairnessGroup[] };

/** Channels that need no computer or phone app: the people the rules might miss. */
export const NON_DIGITAL_CHANNELS: ReadonlySet<string> = new Set(["phone", "counter", "letter"]);

const AGE_BANDS = [
  [0, 17],
  [18, 29],
  [30, 44],
  [45, 64],
  [65, 74],
  [75, 200],
] as const;

const LANGUAGE_NL: Record<string, string> = {
  nld: "Nederlands",
  eng: "Engels",
  deu: "Duits",
  pol: "Pools",
  tur: "Turks",
  ara: "Arabisch",
  ukr: "Oekraïens",
  unknown: "onbekend",
};
const CHANNEL_NL: Record<string, string> = {
  email: "e-mail",
  sms: "sms",
  whatsapp: "WhatsApp",
  phone: "telefoon",
  letter: "brief",
  counter: "balie",
  chat: "chat",
  portal: "Mijn gemeente",
  webform: "webformulier",
  unknown: "onbekend",
};

export const DIMENSION_NL: Record<FairnessDimensionId, string> = {
  district: "Wijk (postcodegebied)",
  "age-band": "Leeftijd",
  language: "Taal van de contacten",
  "preferred-channel": "Voorkeurskanaal",
  "channel-use": "Gebruikte kanalen",
};

function ageBand(birthDate: string | null, now: Date): string {
  if (!birthDate) return "unknown";
  const born = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(born.getTime())) return "unknown";
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  const birthdayPassed =
    now.getUTCMonth() > born.getUTCMonth() ||
    (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() >= born.getUTCDate());
  if (!birthdayPassed) age -= 1;
  const band = AGE_BANDS.find(([low, high]) => age >= low && age <= high);
  return band ? (band[1] >= 200 ? `${band[0]}+` : `${band[0]}-${band[1]}`) : "unknown";
}

function channelUse(channels: readonly string[]): string {
  if (channels.length === 0) return "unknown";
  return channels.every((c) => NON_DIGITAL_CHANNELS.has(c)) ? "only-non-digital" : "digital";
}

function groupOf(dimension: FairnessDimensionId, r: ResidentGroupFacts, now: Date): string {
  switch (dimension) {
    case "district":
      return r.postcodeArea ?? "unknown";
    case "age-band":
      return ageBand(r.birthDate, now);
    case "language":
      return r.contactLanguage ?? "unknown";
    case "preferred-channel":
      return r.preferredChannel ?? "unknown";
    case "channel-use":
      return channelUse(r.channelsUsed);
  }
}

/** The Dutch name of a group. */
export function groupLabel(dimension: FairnessDimensionId, value: string): string {
  if (value === "unknown") return "onbekend";
  switch (dimension) {
    case "district":
      return `postcode ${value}`;
    case "age-band":
      return value.endsWith("+")
        ? `${value.slice(0, -1)} jaar en ouder`
        : `${value.replace("-", " t/m ")} jaar`;
    case "language":
      return LANGUAGE_NL[value] ?? value;
    case "preferred-channel":
      return CHANNEL_NL[value] ?? value;
    case "channel-use":
      return value === "only-non-digital" ? "alleen niet-digitaal (telefoon, balie, brief)" : "ook digitaal";
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Per dimension and group: the residents, the signals raised per 100 residents and the share of them
 * accepted, so that gaps between groups show (someone who only phones, someone who writes in another
 * language). Groups are sorted by size; a group under MIN_GROUP_RESIDENTS shows no figures.
 */
export function fairnessGroups(residents: readonly ResidentGroupFacts[], now: Date): FairnessDimension[] {
  return FAIRNESS_DIMENSIONS.map((id) => {
    const byValue = new Map<string, ResidentGroupFacts[]>();
    for (const r of residents) {
      const value = groupOf(id, r, now);
      byValue.set(value, [...(byValue.get(value) ?? []), r]);
    }
    const groups = [...byValue]
      .sort(
        ([a, x], [b, y]) =>
          (a === "unknown" ? 1 : 0) - (b === "unknown" ? 1 : 0) || y.length - x.length || a.localeCompare(b),
      )
      .map(([value, members]): FairnessGroup => {
        const label = groupLabel(id, value);
        if (members.length < MIN_GROUP_RESIDENTS)
          return {
            value,
            label,
            tooSmall: true,
            residents: null,
            signalsRaised: null,
            raisedPer100: null,
            signalsAccepted: null,
            acceptedShare: null,
          };
        const raised = members.reduce((n, r) => n + r.signalsRaised, 0);
        const accepted = members.reduce((n, r) => n + r.signalsAccepted, 0);
        return {
          value,
          label,
          tooSmall: false,
          residents: members.length,
          signalsRaised: raised,
          raisedPer100: round1((raised / members.length) * 100),
          signalsAccepted: accepted,
          acceptedShare: raised === 0 ? null : round3(accepted / raised),
        };
      });
    return { id, label: DIMENSION_NL[id], groups };
  });
}
