/**
 * A compact Dutch stemmer after the Snowball (Porter) Dutch algorithm: strips plural and
 * inflectional endings (-en, -s, -e), -heid, -ing/-end, -ig, -lijk, -baar and undoubles consonants
 * and vowels, so "aanvragen", "aanvraag" and "aanvraagt" meet in one stem. Input is lower case
 * without accents (see `normalizeText`).
 */
const VOWELS = "aeiouyè";

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

/** R1 starts after the first non-vowel that follows a vowel, with at least three letters before it. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

function undouble(word: string): string {
  return /(kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word;
}

function validSEnding(ch: string | undefined): boolean {
  return ch !== undefined && !isVowel(ch) && ch !== "j";
}

export function stemDutch(input: string): string {
  if (input.length < 3) return input;
  // Mark consonantal y and i (between vowels) so they do not count as vowels.
  let word = input.replace(/^y/, "Y");
  word = word.replace(/([aeiouyè])y/g, "$1Y");
  word = word.replace(/([aeiouyè])i(?=[aeiouyè])/g, "$1I");
  const r1 = Math.max(3, regionAfter(word, 0));
  const r2 = regionAfter(word, r1);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;
  const validEnEnding = (stem: string) => {
    const last = stem[stem.length - 1];
    return last !== undefined && !isVowel(last) && !stem.endsWith("gem");
  };
  // Step 1
  if (word.endsWith("heden")) {
    if (inR1("heden")) word = `${word.slice(0, -5)}heid`;
  } else if (word.endsWith("ene") || word.endsWith("en")) {
    const suffix = word.endsWith("ene") ? "ene" : "en";
    const stem = word.slice(0, -suffix.length);
    if (inR1(suffix) && validEnEnding(stem)) word = undouble(stem);
  } else if (word.endsWith("se") || word.endsWith("s")) {
    const suffix = word.endsWith("se") ? "se" : "s";
    const stem = word.slice(0, -suffix.length);
    if (inR1(suffix) && validSEnding(stem[stem.length - 1])) word = stem;
  }
  // Step 2
  let eFound = false;
  const step2 = () => {
    if (word.endsWith("e") && inR1("e") && !isVowel(word[word.length - 2])) {
      word = undouble(word.slice(0, -1));
      eFound = true;
    }
  };
  step2();
  // Step 3a
  if (word.endsWith("heid") && inR2("heid") && word[word.length - 5] !== "c") {
    word = word.slice(0, -4);
    if (word.endsWith("en") && inR1("en") && validEnEnding(word.slice(0, -2))) {
      word = undouble(word.slice(0, -2));
    }
  }
  // Step 3b
  if (word.endsWith("end") || word.endsWith("ing")) {
    if (inR2("ing")) {
      word = word.slice(0, -3);
      if (word.endsWith("ig") && inR2("ig") && word[word.length - 3] !== "e") word = word.slice(0, -2);
      else word = undouble(word);
    }
  } else if (word.endsWith("ig")) {
    if (inR2("ig") && word[word.length - 3] !== "e") word = word.slice(0, -2);
  } else if (word.endsWith("lijk")) {
    if (inR2("lijk")) {
      word = word.slice(0, -4);
      step2();
    }
  } else if (word.endsWith("baar")) {
    if (inR2("baar")) word = word.slice(0, -4);
  } else if (word.endsWith("bar")) {
    if (inR2("bar") && eFound) word = word.slice(0, -3);
  }
  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant (maan → man).
  const m = /([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(word);
  if (m) word = `${word.slice(0, -3)}${m[2]?.[0]}${m[3]}`;
  return word.replace(/Y/g, "y").replace(/I/g, "i");
}
