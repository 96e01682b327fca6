import { logNormal, type Rng } from "../random";
import { type DigitalSkill, SIM_CHANNELS, type SimChannel } from "../types";

/**
 * Base preference for each channel as a first contact. They are tuned so that, after replies,
 * callbacks and repeats are added, the whole year lands near the municipality's channel mix
 * (phone a third, then web forms, email, counter, chat, WhatsApp/SMS, letters).
 */
const base: Record<SimChannel, number> = {
  phone: 33,
  webform: 31,
  email: 6,
  counter: 31,
  chat: 11.5,
  whatsapp: 5.5,
  sms: 2.2,
  letter: 1,
};

const bySkill: Record<DigitalSkill, Partial<Record<SimChannel, number>>> = {
  low: {
    phone: 1.5,
    counter: 1.9,
    letter: 3.5,
    webform: 0.3,
    email: 0.45,
    chat: 0.3,
    whatsapp: 0.7,
    sms: 1.4,
  },
  medium: {},
  high: {
    phone: 0.75,
    counter: 0.6,
    letter: 0.25,
    webform: 1.4,
    email: 1.3,
    chat: 1.5,
    whatsapp: 1.3,
    sms: 0.6,
  },
};

export type HabitInput = {
  age: number;
  skill: DigitalSkill;
  daytimeAvailability: number;
  hasEmail: boolean;
  hasPhone: boolean;
  hasWhatsapp: boolean;
  writesOtherLanguage: boolean;
};

/** Channel weights for one person (summing to 1): shaped by age and skill, then varied per person. */
export function channelHabits(rng: Rng, input: HabitInput): Record<SimChannel, number> {
  const weights = { ...base };
  for (const [channel, factor] of Object.entries(bySkill[input.skill]))
    weights[channel as SimChannel] *= factor;
  if (input.age < 30) {
    weights.whatsapp *= 2;
    weights.chat *= 1.5;
    weights.letter *= 0.2;
    weights.phone *= 0.8;
  }
  if (input.age >= 80) {
    weights.letter *= 2;
    weights.counter *= 1.3;
    weights.chat *= 0.4;
  }
  // People at work in office hours move to channels that wait for them.
  const away = 1 - input.daytimeAvailability;
  weights.phone *= 1 - 0.5 * away;
  weights.counter *= 1 - 0.6 * away;
  weights.chat *= 1 - 0.4 * away;
  weights.webform *= 1 + 0.5 * away;
  weights.email *= 1 + 0.5 * away;
  weights.whatsapp *= 1 + 0.4 * away;
  // Writing in Dutch is a hurdle for some; talking to someone (with gestures, or a child translating) less so.
  if (input.writesOtherLanguage) {
    weights.counter *= 1.5;
    weights.webform *= 0.7;
  }
  if (!input.hasEmail) weights.email = 0;
  if (!input.hasPhone) weights.sms = 0;
  if (!input.hasWhatsapp) weights.whatsapp = 0;
  let total = 0;
  for (const channel of SIM_CHANNELS) {
    weights[channel] *= logNormal(rng, 1, 0.45);
    total += weights[channel];
  }
  for (const channel of SIM_CHANNELS) weights[channel] = Math.round((weights[channel] / total) * 1e4) / 1e4;
  return weights;
}
