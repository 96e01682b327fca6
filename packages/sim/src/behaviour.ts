import { dayAt, instantOn, type SimCalendar, type SimDay, workingDayFrom } from "./clock";
import type { Person } from "./people/person";
import { between, chance, logNormal, normal, pick, type Rng, weightedPick } from "./random";
import type { Language, SimChannel } from "./types";

/** How a resident behaves: which channel, when, how long they wait, what they do when nobody answers. */

const topicChannelAffinity: Record<string, Partial<Record<SimChannel, number>>> = {
  reisdocumenten: { counter: 2.5, phone: 1.1 },
  rijbewijs: { counter: 2.2 },
  "burgerzaken-akten": { counter: 2.2 },
  verhuizing: { webform: 1.8 },
  "openbare-ruimte": { webform: 1.9, whatsapp: 1.3 },
  afval: { webform: 1.6, phone: 1.2 },
  belastingen: { webform: 1.3, letter: 1.6, phone: 1.2 },
  kwijtschelding: { letter: 1.6, webform: 1.2 },
  overlast: { phone: 1.3 },
  "zorg-wmo": { phone: 1.4, letter: 1.3 },
  klacht: { email: 1.5, letter: 1.6, webform: 1.3 },
  ondernemen: { email: 1.4, webform: 1.3 },
  vergunningen: { email: 1.4 },
};

/** Email needs an address, WhatsApp and SMS a mobile number; the rest anyone can use. */
export function canUse(actor: Person, channel: SimChannel): boolean {
  if (channel === "email") return actor.email !== null;
  if (channel === "whatsapp") return actor.whatsapp && actor.phone !== null;
  if (channel === "sms") return actor.phone !== null;
  return true;
}

function usableHabits(actor: Person): Partial<Record<SimChannel, number>> {
  const weights: Partial<Record<SimChannel, number>> = {};
  for (const [channel, weight] of Object.entries(actor.habits) as Array<[SimChannel, number]>) {
    weights[channel] = canUse(actor, channel) ? weight : 0;
  }
  return weights;
}

export function firstChannel(rng: Rng, actor: Person, topicId: string): SimChannel {
  const affinity = topicChannelAffinity[topicId] ?? {};
  const weights = usableHabits(actor);
  for (const channel of Object.keys(weights) as SimChannel[])
    weights[channel] = (weights[channel] ?? 0) * (affinity[channel] ?? 1);
  return Object.values(weights).some((w) => (w ?? 0) > 0) ? weightedPick(rng, weights) : "phone";
}

/**
 * The channel of the next contact when no answer came. Many repeat on the same channel; people
 * who wrote and heard nothing often give up on writing and call (DESIGN §1: channel hopping).
 */
export function nextChannel(
  rng: Rng,
  actor: Person,
  previous: SimChannel,
  contactNumber: number,
): SimChannel {
  if (
    chance(rng, Math.max(0.15, 0.42 - 0.06 * contactNumber)) &&
    actor.habits[previous] > 0 &&
    canUse(actor, previous)
  ) {
    return previous;
  }
  const written = previous !== "phone" && previous !== "counter";
  if (written && actor.phone !== null && chance(rng, 0.55)) return "phone";
  if (chance(rng, 0.12 + 0.3 * (actor.skill === "low" ? 1 : 0)) && actor.daytimeAvailability > 0.4)
    return "counter";
  const weights: Partial<Record<SimChannel, number>> = { ...usableHabits(actor), [previous]: 0 };
  return Object.values(weights).some((w) => (w ?? 0) > 0) ? weightedPick(rng, weights) : previous;
}

const urgentTopics = new Set(["inkomen", "schulden", "wonen", "jeugd"]);

/** Calendar days a resident waits for an answer before trying again; shorter for urgent matters and after each try. */
export function patienceDays(
  rng: Rng,
  actor: Person,
  topicId: string,
  contactNumber: number,
  promisedCallback: boolean,
): number {
  let median = actor.patienceDays * (urgentTopics.has(topicId) ? 0.6 : 1);
  if (promisedCallback) median = Math.min(median, 3.5);
  median /= 1 + 0.2 * (contactNumber - 1);
  return Math.max(0.5, logNormal(rng, median, 0.4));
}

export function writesInOwnLanguage(rng: Rng, actor: Person, channel: SimChannel): Language {
  if (actor.language === "nld" || channel === "phone" || channel === "counter") return "nld";
  return chance(rng, actor.otherLanguageShare) ? actor.language : "nld";
}

/** Does the resident know the reference of the question after this first contact? */
export function learnsReference(rng: Rng, channel: SimChannel): boolean {
  const share: Record<SimChannel, number> = {
    webform: 0.95,
    email: 0.7,
    whatsapp: 0.6,
    sms: 0.5,
    chat: 0.5,
    counter: 0.5,
    phone: 0.35,
    letter: 0.1,
  };
  return chance(rng, share[channel]);
}

/**
 * When a contact on a channel actually happens, starting from a moment the resident decides to act:
 * phone, chat and counter only in office hours (people who work call at lunch or at the edges of
 * the day), written channels any time, often in the evening.
 */
export function contactMoment(
  rng: Rng,
  calendar: SimCalendar,
  fromMs: number,
  channel: SimChannel,
  actor: Person,
): number {
  const first = calendar.days[0] as SimDay;
  let index = Math.max(0, Math.floor((fromMs - first.baseMs) / 86_400_000));
  const available = chance(rng, actor.daytimeAvailability);
  for (let tries = 0; tries < 40; tries++, index++) {
    const day = dayAt(calendar, index);
    const minute = minuteFor(rng, channel, available, day);
    if (minute === null) continue;
    const at = instantOn(day, minute);
    if (at >= fromMs) return at;
  }
  return instantOn(workingDayFrom(calendar, index), 600);
}

function minuteFor(rng: Rng, channel: SimChannel, available: boolean, day: SimDay): number | null {
  switch (channel) {
    case "phone":
    case "chat":
      if (!day.working) return null;
      return available
        ? clamp(normal(rng, 660, 110), 510, 1015)
        : pick(rng, [between(rng, 510, 540), between(rng, 720, 800), between(rng, 980, 1015)]);
    case "counter":
      if (!day.working) return null;
      return available ? between(rng, 540, 990) : between(rng, 720, 790);
    case "letter":
      return day.working ? between(rng, 540, 720) : null;
    default:
      if (!day.working && chance(rng, 0.45)) return null;
      return available
        ? between(rng, 480, 1350)
        : chance(rng, 0.75)
          ? between(rng, 1080, 1410)
          : between(rng, 400, 500);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
