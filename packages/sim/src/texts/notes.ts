import { chance, pick, type Rng } from "../random";
import type { RepresentationKind } from "../types";
import type { Speaker } from "./inbound";
import { escalation } from "./nl-style";
import { fill, noteTitle, topicText, variantOf } from "./topic-texts";

export type ContactOutcome = "resolved" | "callback" | "back-office" | "linked-open";

export type NoteInput = {
  where: "phone" | "counter";
  topicId: string;
  variant: number;
  contactNumber: number;
  reopened: boolean;
  speaker: Speaker;
  onBehalf: { relation: RepresentationKind; name: string } | null;
  outcome: ContactOutcome;
  teamName: string;
  refToken: string | null;
  quotedReference: boolean;
  idChecked: boolean;
};

const relationWords: Record<RepresentationKind, string> = {
  parent: "voor kind",
  guardian: "als bewindvoerder van",
  "informal-carer": "als mantelzorger van",
  "company-contact": "namens",
  other: "namens",
};

/** What an agent writes down after a call or a counter visit: third person, clipped, with the outcome. */
export function composeContactNote(rng: Rng, input: NoteInput): string {
  const s = input.speaker;
  const topic = topicText(input.topicId);
  const values = { street: s.street, houseNumber: s.houseNumber };
  const who = noteTitle(s.sex, s.familyNamePrefix, s.familyName);
  const verb =
    input.where === "phone"
      ? pick(rng, ["belt", "belt in", "aan de lijn"])
      : pick(rng, ["aan de balie", "komt langs aan de balie"]);
  const behalf = input.onBehalf ? ` ${relationWords[input.onBehalf.relation]} ${input.onBehalf.name}` : "";
  const lines: string[] = [];
  const what = input.reopened
    ? `geeft aan dat ${variantOf(topic.notSolved, input.variant)}`
    : variantOf(topic.note, input.variant);
  lines.push(`${who} ${verb}${behalf}: ${what}.`);
  if (input.idChecked) lines.push("Identiteit gecontroleerd aan de hand van ID-bewijs.");
  if (input.quotedReference && input.refToken) lines.push(`Noemt vraagnummer ${input.refToken}.`);
  if (input.contactNumber === 2)
    lines.push(pick(rng, ["Heeft eerder contact gehad over dezelfde vraag.", "Tweede contact hierover."]));
  if (input.contactNumber >= 3) {
    const n = ordinal(input.contactNumber);
    const again =
      input.where === "phone"
        ? [`Belt nu voor de ${n} keer`, `Neemt voor de ${n} keer contact op`]
        : [`Komt voor de ${n} keer`, `Heeft nu voor de ${n} keer contact`];
    lines.push(`${pick(rng, again)}${chance(rng, 0.6) ? ", is boos" : ""}.`);
    lines.push(`Zegt: "${pick(rng, escalation[Math.min(3, input.contactNumber - 1)] ?? [])}"`);
  }
  switch (input.outcome) {
    case "resolved":
      lines.push(`Uitgelegd: ${fill(rng, variantOf(topic.answer, input.variant), values)}`);
      lines.push(pick(rng, ["Inwoner tevreden.", "Vraag beantwoord.", "Afgehandeld."]));
      break;
    case "callback":
      lines.push(`Terugbelverzoek aangemaakt voor ${input.teamName}.`);
      break;
    case "back-office":
      lines.push(`Doorgezet naar ${input.teamName}; inwoner krijgt schriftelijk bericht.`);
      break;
    case "linked-open":
      lines.push(
        `Gekoppeld aan de lopende vraag. ${input.teamName} is ermee bezig; inwoner gevraagd nog even geduld te hebben.`,
      );
      break;
  }
  return lines.join("\n");
}

export type CallbackNoteInput = {
  reached: boolean;
  topicId: string;
  variant: number;
  attempt: number;
  street: string;
  houseNumber: string;
};

/** The note of an outbound call made for a callback request. */
export function composeCallbackNote(rng: Rng, input: CallbackNoteInput): string {
  if (!input.reached) {
    return pick(rng, [
      "Teruggebeld, geen gehoor. Voicemail ingesproken.",
      "Teruggebeld, geen gehoor.",
      "Teruggebeld, nummer in gesprek. Later nogmaals proberen.",
      "Teruggebeld, voicemail vol.",
    ]);
  }
  const topic = topicText(input.topicId);
  return `Inwoner teruggebeld${input.attempt > 1 ? " (tweede poging)" : ""}. ${fill(rng, variantOf(topic.answer, input.variant), { street: input.street, houseNumber: input.houseNumber })}`;
}

function ordinal(n: number): string {
  return (
    ["nulde", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste"][n] ?? `${n}e`
  );
}
