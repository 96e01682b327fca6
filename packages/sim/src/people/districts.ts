/** The districts (wijken) of Voorbeeldstad. Postcode prefixes are fixed per district so analyses can group by them. */
export type District = {
  name: string;
  postcodePrefixes: readonly string[];
  streets: readonly string[];
  /** Relative number of residents. */
  weight: number;
  /** Shares that shape who lives here. */
  lowIncome: number;
  elderly: number;
  families: number;
  /** Multiplier on the share of residents with a non-Dutch background. */
  diversity: number;
};

export const CITY = "Voorbeeldstad";

export const districts: readonly District[] = [
  {
    name: "Centrum",
    postcodePrefixes: ["3811", "3812"],
    streets: [
      "Marktstraat",
      "Kerkstraat",
      "Langestraat",
      "Breestraat",
      "Molenstraat",
      "Nieuwstraat",
      "Torenlaan",
      "Gasthuisstraat",
    ],
    weight: 11,
    lowIncome: 0.22,
    elderly: 0.15,
    families: 0.15,
    diversity: 1.3,
  },
  {
    name: "Oud-West",
    postcodePrefixes: ["3813", "3814"],
    streets: [
      "Bilderdijkstraat",
      "Vondelstraat",
      "Da Costastraat",
      "Kinkerstraat",
      "Tollensstraat",
      "Potgieterstraat",
    ],
    weight: 13,
    lowIncome: 0.2,
    elderly: 0.18,
    families: 0.3,
    diversity: 1,
  },
  {
    name: "Noord",
    postcodePrefixes: ["3821", "3822"],
    streets: [
      "Plataanstraat",
      "Eikenlaan",
      "Berkenlaan",
      "Lindenstraat",
      "Kastanjelaan",
      "Populierenweg",
      "Wilgenhof",
    ],
    weight: 17,
    lowIncome: 0.38,
    elderly: 0.17,
    families: 0.4,
    diversity: 2.4,
  },
  {
    name: "Havenkwartier",
    postcodePrefixes: ["3823"],
    streets: ["Kadelaan", "Ankerplein", "Zeilmakerstraat", "Loodsweg", "Werfkade", "Sluiswachterhof"],
    weight: 10,
    lowIncome: 0.15,
    elderly: 0.06,
    families: 0.45,
    diversity: 1.2,
  },
  {
    name: "Zuid",
    postcodePrefixes: ["3831", "3832"],
    streets: ["Julianalaan", "Wilhelminapark", "Beatrixlaan", "Emmalaan", "Oranjelaan", "Prins Hendriklaan"],
    weight: 14,
    lowIncome: 0.08,
    elderly: 0.34,
    families: 0.3,
    diversity: 0.5,
  },
  {
    name: "Oosterpark",
    postcodePrefixes: ["3833", "3834"],
    streets: [
      "Merelstraat",
      "Lijsterlaan",
      "Spreeuwenhof",
      "Koolmeesstraat",
      "Zwaluwstraat",
      "Roodborstlaan",
    ],
    weight: 15,
    lowIncome: 0.28,
    elderly: 0.22,
    families: 0.35,
    diversity: 1.5,
  },
  {
    name: "De Hoven",
    postcodePrefixes: ["3841"],
    streets: ["Hoeflaan", "Boerderijweg", "Akkerstraat", "Weidehof", "Schuurweg", "Hooibergstraat"],
    weight: 11,
    lowIncome: 0.12,
    elderly: 0.2,
    families: 0.55,
    diversity: 0.7,
  },
  {
    name: "Buitenveld",
    postcodePrefixes: ["3842", "3843"],
    streets: ["Dorpsstraat", "Kerkweg", "Molenweg", "Polderweg", "Dijkweg", "Oude Rijnweg"],
    weight: 9,
    lowIncome: 0.1,
    elderly: 0.32,
    families: 0.4,
    diversity: 0.4,
  },
];

/** Letter pairs Dutch postcodes never use. */
const forbiddenLetters = new Set(["SA", "SD", "SS"]);

/**
 * A postcode for a house: each street has a fixed prefix and first letter, and the second letter
 * moves with the house number, so neighbours share a postcode as they do in reality.
 */
export function postcodeFor(district: District, streetIndex: number, houseNumber: number): string {
  const prefix = district.postcodePrefixes[streetIndex % district.postcodePrefixes.length] as string;
  const first = String.fromCharCode(65 + ((streetIndex * 3 + prefix.charCodeAt(3)) % 26));
  let second = String.fromCharCode(65 + (Math.floor(houseNumber / 24) % 26));
  if (forbiddenLetters.has(first + second)) second = "T";
  return `${prefix}${first}${second}`;
}
