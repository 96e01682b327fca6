import { chance, pick, type Rng } from "../random";
import type { LifeEventKind, SimChannel } from "../types";

/** What a resident says first when a life event is behind the question (the question behind the question). */
export const lifeEventContext: Record<LifeEventKind, readonly string[]> = {
  move: [
    "Wij zijn net verhuisd naar de {street}.",
    "Wij zijn deze maand verhuisd.",
    "Sinds kort woon ik op een ander adres.",
  ],
  "job-loss": [
    "Ik ben vorige maand mijn baan kwijtgeraakt.",
    "Mijn contract is niet verlengd en ik heb nu geen inkomen meer.",
    "Het bedrijf waar ik werkte is failliet gegaan.",
  ],
  "death-in-family": [
    "Mijn man is onlangs overleden.",
    "Mijn moeder is overleden en ik regel haar zaken.",
    "Na het overlijden van mijn vrouw sta ik er alleen voor.",
  ],
  "new-baby": [
    "Wij hebben net een dochter gekregen.",
    "Onze zoon is vorige week geboren.",
    "Ik ben net bevallen.",
  ],
  "care-need": [
    "Sinds mijn herseninfarct kan ik minder.",
    "Mijn vader wordt steeds vergeetachtiger en kan niet meer alleen wonen.",
    "Na mijn operatie kan ik slecht lopen.",
  ],
  "business-start": [
    "Ik start binnenkort een eigen bedrijf.",
    "Ik heb me net ingeschreven bij de KvK als zzp'er.",
  ],
  "money-worries": [
    "Het lukt mij financieel niet meer.",
    "Ik heb schulden en de rekeningen stapelen zich op.",
    "Ik kan de vaste lasten niet meer betalen.",
  ],
};

/** Phrases that grow sharper with every contact about the same question. Index = contacts so far - 1. */
export const escalation: ReadonlyArray<readonly string[]> = [
  [],
  [
    "Ik heb hier eerder over contact gehad maar nog niets gehoord.",
    "Dit is de tweede keer dat ik hierover contact opneem.",
    "Vorige week heb ik dit ook al gevraagd.",
  ],
  [
    "Ik heb al drie keer gebeld en niemand helpt mij.",
    "Ik word steeds van het kastje naar de muur gestuurd.",
    "Ik heb al drie keer contact gehad en er gebeurt niets.",
  ],
  [
    "Niemand helpt mij! Dit is nu al de zoveelste keer.",
    "Ik ben het echt zat. Al weken wacht ik en niemand belt terug.",
    "Dit is onacceptabel. Ik wil nu een leidinggevende spreken.",
  ],
];

export const switchedChannel: Partial<Record<SimChannel, readonly string[]>> = {
  phone: ["Ik heb eerder gebeld.", "Ik heb u al aan de telefoon gehad."],
  email: ["Ik heb eerder gemaild.", "Ik heb u al een mail gestuurd."],
  webform: ["Ik heb eerder het formulier op de website ingevuld.", "Ik heb online al een melding gedaan."],
  chat: ["Ik heb het eerder via de chat gevraagd.", "In de chat werd gezegd dat ik bericht zou krijgen."],
  whatsapp: ["Ik heb eerder een WhatsApp gestuurd.", "Ik heb u al geappt."],
  counter: ["Ik ben al aan de balie geweest.", "Aan de balie zeiden ze dat ik teruggebeld zou worden."],
  letter: ["Ik heb u eerder een brief gestuurd.", "Ik heb een brief geschreven maar geen antwoord gehad."],
  sms: ["Ik heb eerder een sms gestuurd."],
};

export const referencePhrases = [
  "Mijn referentie is {ref}.",
  "Het gaat om vraag {ref}.",
  "Kenmerk: {ref}",
  "Zaaknummer {ref}.",
  "(ref {ref})",
];

export const months = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

const abbreviations: ReadonlyArray<[RegExp, string]> = [
  [/\bik\b/gi, "k"],
  [/\bmijn\b/gi, "mn"],
  [/\beven\b/gi, "ff"],
  [/\bwanneer\b/gi, "wnr"],
  [/\bniet\b/gi, "nie"],
  [/\bgemeente\b/gi, "gem"],
  [/\bnog steeds\b/gi, "nogsteeds"],
];

/** How people type on a phone in a hurry: lower case, abbreviations, a swapped letter, no full stops. */
export function hasty(rng: Rng, text: string): string {
  let out = text.replace(/\.\s+/g, " ").replace(/\.$/, "");
  if (chance(rng, 0.7)) out = out.toLowerCase();
  for (const [pattern, replacement] of abbreviations)
    if (chance(rng, 0.5)) out = out.replace(pattern, replacement);
  const words = out.split(" ");
  for (let typos = chance(rng, 0.6) ? 2 : 1; typos > 0; typos--) {
    const i = Math.floor(rng() * words.length);
    const word = words[i] ?? "";
    if (word.length > 4) {
      const at = 1 + Math.floor(rng() * (word.length - 3));
      words[i] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
  }
  out = words.join(" ");
  if (chance(rng, 0.3)) out += pick(rng, ["??", "!!", " 🙏", " 😡", "?"]);
  return out;
}
