import { chance, pick, type Rng } from "../random";
import type { Language, LifeEventKind, RepresentationKind, SimChannel } from "../types";
import { escalation, hasty, lifeEventContext, referencePhrases, switchedChannel } from "./nl-style";
import { phrasebooks } from "./other-languages";
import { fill, topicNameNl, topicText, variantOf } from "./topic-texts";

export type Speaker = {
  givenName: string;
  familyNamePrefix: string | null;
  familyName: string;
  displayName: string;
  sex: "female" | "male";
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
};

export type OnBehalf = {
  relation: RepresentationKind;
  name: string;
  givenName: string | null;
  age: number | null;
};

export type InboundInput = {
  channel: SimChannel;
  language: Language;
  topicId: string;
  variant: number;
  /** 1 for the first contact about this question, 2 for the next, … */
  contactNumber: number;
  reopened: boolean;
  infoReply: boolean;
  previousChannel: SimChannel | null;
  lifeEvent: LifeEventKind | null;
  /** A placeholder the generator replaces with the question reference once numbers are known. */
  refToken: string | null;
  replyToSubject: string | null;
  speaker: Speaker;
  onBehalf: OnBehalf | null;
};

export type ComposedText = { subject: string | null; text: string };

/** The resident's own words, in the style of the channel. Phone and counter notes are written by staff (see notes.ts). */
export function composeInbound(rng: Rng, input: InboundInput): ComposedText {
  if (input.language !== "nld") return composeOtherLanguage(rng, input, input.language);
  const body = dutchBody(rng, input);
  const ref = input.refToken
    ? fill(rng, pick(rng, referencePhrases), { street: "", houseNumber: "", ref: input.refToken })
    : "";
  const topic = topicText(input.topicId);
  const name = input.speaker.displayName;
  switch (input.channel) {
    case "email": {
      const greeting = pick(rng, [
        "Geachte heer/mevrouw,",
        "Beste gemeente,",
        "Hallo,",
        "Goedendag,",
        "Beste medewerker,",
      ]);
      const closing = pick(rng, [
        "Met vriendelijke groet,",
        "Groeten,",
        "Mvg,",
        "Alvast bedankt,",
        "Vriendelijke groet,",
      ]);
      return {
        subject: emailSubject(rng, input),
        text: joinLines([greeting, "", [body, ref].filter(Boolean).join(" "), "", closing, name]),
      };
    }
    case "webform": {
      const location = ["afval", "openbare-ruimte", "overlast"].includes(input.topicId)
        ? `Locatie: ${input.speaker.street} ${input.speaker.houseNumber}`
        : "";
      return {
        subject: topic.form,
        text: joinLines([
          `Onderwerp: ${topic.form}`,
          `Omschrijving: ${[body, ref].filter(Boolean).join(" ")}`,
          location,
          `Naam: ${name}`,
        ]),
      };
    }
    case "letter": {
      const s = input.speaker;
      return {
        subject: `Brief: ${topic.form}`,
        text: joinLines([
          name,
          `${s.street} ${s.houseNumber}`,
          `${s.postcode} ${s.city}`,
          "",
          "Aan het college van burgemeester en wethouders van Voorbeeldstad",
          "",
          `Betreft: ${topic.form}${input.refToken ? ` (uw kenmerk ${input.refToken})` : ""}`,
          "",
          "Geachte heer/mevrouw,",
          "",
          body,
          "",
          pick(rng, ["Hoogachtend,", "Met vriendelijke groet,"]),
          "",
          name,
        ]),
      };
    }
    case "chat":
      return {
        subject: `Chat: ${topicNameNl(input.topicId)}`,
        text: joinLines([pick(rng, ["Hallo", "Goedemiddag", "hoi", "Hallo?"]), body, ref]),
      };
    case "whatsapp":
    case "sms":
      return { subject: null, text: [hasty(rng, body), ref].filter(Boolean).join(" ") };
    case "phone":
    case "counter":
      return { subject: null, text: [body, ref].filter(Boolean).join(" ") };
  }
}

function dutchBody(rng: Rng, input: InboundInput): string {
  const topic = topicText(input.topicId);
  const values = { street: input.speaker.street, houseNumber: input.speaker.houseNumber };
  const parts: string[] = [];
  if (input.onBehalf) parts.push(onBehalfSentence(rng, input.onBehalf));
  if (input.lifeEvent) parts.push(fill(rng, pick(rng, lifeEventContext[input.lifeEvent]), values));
  if (input.reopened)
    parts.push(`Ik heb eerder antwoord gekregen, maar ${variantOf(topic.notSolved, input.variant)}.`);
  else if (input.infoReply)
    parts.push(
      pick(rng, [
        "Hierbij stuur ik de gevraagde gegevens.",
        "In de bijlage vindt u de stukken waar u om vroeg.",
        "Hier zijn de gegevens die u nodig had.",
      ]),
    );
  else parts.push(fill(rng, variantOf(topic.ask, input.variant), values));
  // After a reopening "still no answer" would be untrue; only the anger of later contacts remains.
  const level = Math.min(3, input.contactNumber - 1);
  if (level > (input.reopened ? 1 : 0) && !input.infoReply) {
    const previous =
      input.previousChannel && input.previousChannel !== input.channel
        ? switchedChannel[input.previousChannel]
        : undefined;
    if (previous && chance(rng, 0.6)) parts.push(pick(rng, previous));
    parts.push(pick(rng, escalation[level] ?? []));
  }
  return parts.join(" ");
}

function onBehalfSentence(rng: Rng, onBehalf: OnBehalf): string {
  switch (onBehalf.relation) {
    case "parent":
      return `Het gaat om mijn kind ${onBehalf.givenName ?? ""}${onBehalf.age ? ` (${onBehalf.age} jaar)` : ""}.`;
    case "informal-carer":
      return pick(rng, [
        `Ik schrijf namens mijn moeder/vader, ${onBehalf.name}.`,
        `Ik ben mantelzorger van ${onBehalf.name}.`,
      ]);
    case "guardian":
      return `Ik ben de bewindvoerder van ${onBehalf.name}.`;
    case "company-contact":
      return `Ik neem contact op namens ${onBehalf.name}.`;
    default:
      return `Namens ${onBehalf.name}.`;
  }
}

function emailSubject(rng: Rng, input: InboundInput): string {
  if (input.replyToSubject) return `Re: ${input.replyToSubject.replace(/^(Re: )+/, "")}`;
  const base = pick(rng, [
    `Vraag over ${topicNameNl(input.topicId).toLowerCase()}`,
    topicText(input.topicId).form,
    topicNameNl(input.topicId),
  ]);
  if (input.reopened) return `Nog steeds niet opgelost: ${base}`;
  if (input.contactNumber >= 4) return `DRINGEND: ${base}`;
  if (input.contactNumber >= 2)
    return pick(rng, [`Herinnering: ${base}`, `Nogmaals: ${base}`, `Geen reactie: ${base}`]);
  return base;
}

function composeOtherLanguage(
  rng: Rng,
  input: InboundInput,
  language: Exclude<Language, "nld">,
): ComposedText {
  const book = phrasebooks[language];
  const topic = book.topics[input.topicId] ?? book.topics.overig ?? "";
  const lines: string[] = [];
  const formal = input.channel === "email" || input.channel === "letter" || input.channel === "webform";
  if (formal || chance(rng, 0.5)) lines.push(pick(rng, book.hello));
  if (input.reopened)
    lines.push(fill(rng, pick(rng, book.notSolved), { street: "", houseNumber: "", topic }));
  else lines.push(fill(rng, pick(rng, book.ask), { street: "", houseNumber: "", topic }));
  if (input.contactNumber >= 3) lines.push(pick(rng, book.angry));
  else if (input.contactNumber === 2) lines.push(pick(rng, book.again));
  if (input.refToken) lines.push(book.reference.replace("{ref}", input.refToken));
  if (formal) lines.push("", pick(rng, book.bye), input.speaker.displayName);
  const subject =
    input.channel === "email"
      ? input.replyToSubject
        ? `Re: ${input.replyToSubject.replace(/^(Re: )+/, "")}`
        : topic.charAt(0).toUpperCase() + topic.slice(1)
      : input.channel === "webform"
        ? topicText(input.topicId).form
        : null;
  return { subject, text: joinLines(lines) };
}

function joinLines(lines: Array<string | null | undefined>): string {
  return lines
    .filter((line): line is string => line !== null && line !== undefined)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
