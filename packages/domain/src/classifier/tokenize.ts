import { stemDutch } from "./stemmer";

/**
 * Dutch stop words (after the Snowball list) plus greetings and politeness that every topic shares
 * ("geachte", "mvg", "alvast bedankt"): they say nothing about what a message is about.
 */
const STOP_WORDS = new Set(
  `aan al alle alles als alsjeblieft alstublieft altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
  een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij
  kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds
  te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze
  zelf zich zij zijn zo zonder zou zoals dit even graag hallo hoi hey hee goedemorgen goedemiddag goedenavond goedendag
  dag beste geachte heer mevrouw mvg groet groeten vriendelijke hartelijke dank bedankt alvast svp aub pls plz
  thanks tnx thx ok oke okay nou hoor eigenlijk gewoon weer wel effe ff w m n t s d mn jullie hen welke waarom
  wanneer waar kunt zou zouden willen wilde wilt mag moeten moest heeft hadden had gaat ga gaan komt komen`.split(
    /\s+/,
  ),
);

/** Chat shorthand that otherwise hides a meaningful word. */
const SHORTHAND: Record<string, string> = {
  gem: "gemeente",
  ivm: "verband",
  vergunn: "vergunning",
  rijbew: "rijbewijs",
  idkaart: "identiteitskaart",
  id: "identiteitskaart",
  wmo: "wmo",
  huurachterstand: "huurachterstand",
};

/** Lower case, accents stripped (é → e, ë → e), letters and digits only; ß, ł and ı are kept apart. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

export type Token = { word: string; stem: string };

/** The content words of a text with their stems, in order; stop words and lone digits left out. */
export function tokenize(text: string): Token[] {
  const words = normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const tokens: Token[] = [];
  for (const raw of words) {
    if (/^\d+$/.test(raw)) continue;
    const word = SHORTHAND[raw] ?? raw;
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.push({ word, stem: stemDutch(word) });
  }
  return tokens;
}

/** A feature with the surface word it came from, so a prediction can be explained in words. */
export type Feature = { key: string; weight: number; word: string };

const CHAR_GRAM_SIZES = [3, 4];

/**
 * Features of a text: the stem of each content word ("w:"), neighbouring stems ("b:"), and character
 * 3- and 4-grams of each word ("c:") so typos ("vergunnig", "paspoot") still share most of their
 * grams with the right word. A word's grams together weigh as much as the word itself.
 */
export function featuresOf(text: string): Feature[] {
  const tokens = tokenize(text);
  const features: Feature[] = [];
  tokens.forEach((token, i) => {
    features.push({ key: `w:${token.stem}`, weight: 1, word: token.word });
    const next = tokens[i + 1];
    if (next)
      features.push({ key: `b:${token.stem}_${next.stem}`, weight: 0.5, word: `${token.word} ${next.word}` });
    const padded = `<${token.word}>`;
    const grams: string[] = [];
    for (const n of CHAR_GRAM_SIZES) {
      for (let j = 0; j + n <= padded.length; j++) grams.push(padded.slice(j, j + n));
    }
    for (const gram of grams) features.push({ key: `c:${gram}`, weight: 1 / grams.length, word: token.word });
  });
  return features;
}
