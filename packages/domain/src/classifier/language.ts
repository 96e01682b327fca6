/**
 * Language detection by profiles a person can read: the script (Arabic letters), letters that belong
 * to one language (ł ą ę for Polish, ğ ı ş for Turkish) and the most frequent short words of each
 * language. The language with the most evidence wins; too little evidence, or a tie, is "unknown".
 * Dutch is the default for the topic model; other languages are returned so the caller can route them.
 */
export type Language = "nl" | "en" | "pl" | "tr" | "ar" | "unknown";

export const DETECTED_LANGUAGES: readonly Exclude<Language, "unknown">[] = ["nl", "en", "pl", "tr", "ar"];

/** ISO 639-3 codes, as `interactions.language` stores them. */
export const ISO_639_3: Record<Language, string> = {
  nl: "nld",
  en: "eng",
  pl: "pol",
  tr: "tur",
  ar: "ara",
  unknown: "und",
};

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const STOP_WORDS: Record<"nl" | "en" | "pl" | "tr", Set<string>> = {
  nl: words(`de het een en van ik je is niet dat die op te voor met zijn er maar om wat mijn heb hebben wil kan ook
    bij naar nog geen dit wordt worden graag u uw hoe wanneer waar al zo dan ben was moet kunnen mag ons onze
    hallo goedendag geachte beste bedankt groet groeten mvg weet hoeveel welke krijg krijgen gemeente`),
  en: words(`the and to of is my in for it you that on with have be not can are was do this what how when where
    please your we me our hello hi dear thank thanks would could should there their which am been get got need
    from about will an at by i'm don't`),
  pl: words(`w nie na się to jest z do że co jak mam moja mój moje czy jestem chcę proszę ale dla od po gdzie kiedy
    dzień dobry dziękuję mieszkam jak ile mogę muszę tak jestem przez tylko już być był była pan pani`),
  tr: words(`ve bir bu için ne ile ben benim çok var yok mi mı mu mü ama nasıl nerede merhaba lütfen evet değil
    istiyorum yardım teşekkür ederim kadar sonra şimdi ne zaman nasıl hayır olarak daha gibi burada belediye`),
};

const LETTERS: Record<"pl" | "tr", RegExp> = {
  pl: /[ąćęłńśźżó]/,
  tr: /[ğışİ]/,
};

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;

export type LanguageGuess = {
  language: Language;
  /** share of the evidence that points to this language (0–1) */
  confidence: number;
  /** what the decision rests on, e.g. ["arabic-script", "jest", "ł"] */
  evidence: string[];
};

export function detectLanguage(text: string): LanguageGuess {
  const lower = text.toLowerCase();
  const arabic = lower.match(ARABIC)?.length ?? 0;
  const letters = lower.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && arabic / letters > 0.3) {
    return { language: "ar", confidence: Math.min(1, arabic / letters), evidence: ["arabic-script"] };
  }
  const tokens = lower.match(/[\p{L}']+/gu) ?? [];
  const scores: Record<"nl" | "en" | "pl" | "tr", number> = { nl: 0, en: 0, pl: 0, tr: 0 };
  const evidence: Record<"nl" | "en" | "pl" | "tr", string[]> = { nl: [], en: [], pl: [], tr: [] };
  for (const token of tokens) {
    for (const language of ["nl", "en", "pl", "tr"] as const) {
      if (STOP_WORDS[language].has(token)) {
        scores[language] += 1;
        evidence[language].push(token);
      }
    }
    for (const language of ["pl", "tr"] as const) {
      const letter = LETTERS[language].exec(token)?.[0];
      if (letter) {
        scores[language] += 2;
        evidence[language].push(letter);
      }
    }
  }
  const ranked = (Object.entries(scores) as Array<["nl" | "en" | "pl" | "tr", number]>).sort(
    (a, b) => b[1] - a[1],
  );
  const [first, second] = ranked;
  const total = ranked.reduce((sum, [, score]) => sum + score, 0);
  if (!first || first[1] < 2 || (second && second[1] === first[1])) {
    return { language: "unknown", confidence: 0, evidence: first ? evidence[first[0]].slice(0, 8) : [] };
  }
  return {
    language: first[0],
    confidence: Math.round((first[1] / total) * 100) / 100,
    evidence: [...new Set(evidence[first[0]])].slice(0, 8),
  };
}
