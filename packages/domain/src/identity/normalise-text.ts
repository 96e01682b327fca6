// Normalisation for comparing what residents type about themselves, not for display.

/** Lower case, without diacritics, punctuation as spaces, single spaces. */
export function foldText(text: string): string {
  return stripDiacritics(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function normaliseName(name: string): string {
  return foldText(name);
}

// Abbreviations common in Dutch street names. Standalone words first, then word endings.
const STANDALONE: ReadonlyArray<[RegExp, string]> = [
  [/(^|\s)burg\.\s*/g, "$1burgemeester "],
  [/(^|\s)st\.\s*/g, "$1sint "],
  [/(^|\s)mr\.\s*/g, "$1meester "],
  [/(^|\s)dr\.\s*/g, "$1doctor "],
  [/(^|\s)v\.\s*d\.\s*/g, "$1van der "],
  [/(^|\s)v\.\s*/g, "$1van "],
];
const ENDINGS: ReadonlyArray<[RegExp, string]> = [
  [/str\.|str(?=\s|\d|$)/g, "straat"],
  [/ln\./g, "laan"],
  [/pln?\./g, "plein"],
  [/gr\./g, "gracht"],
  [/kd\./g, "kade"],
  [/wg\./g, "weg"],
  [/sngl\./g, "singel"],
];

/** A street name reduced for comparison: "Burg. de Vlugtln." and "Burgemeester De Vlugtlaan" agree. */
export function normaliseStreet(street: string): string {
  let text = ` ${stripDiacritics(street.toLowerCase())} `;
  for (const [pattern, replacement] of [...STANDALONE, ...ENDINGS]) text = text.replace(pattern, replacement);
  return text.replace(/[^\p{L}\p{N}]+/gu, "");
}

/** "12 A", "12a" and "12-a" agree; "12-2" (an addition) stays apart from "122". */
export function normaliseHouseNumber(houseNumber: string): string {
  const folded = foldText(houseNumber);
  const match = /^(\d+)\s*([\p{L}\p{N}]*(?:\s[\p{L}\p{N}]+)*)$/u.exec(folded);
  if (!match) return folded.replace(/\s/g, "");
  const addition = (match[2] ?? "").replace(/\s/g, "");
  return addition === "" ? (match[1] ?? "") : `${match[1]}-${addition}`;
}

function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}
