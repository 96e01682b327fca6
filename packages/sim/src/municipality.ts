import type { Complexity } from "./cases";
import { chance, logNormal, type Rng, weightedPick } from "./random";
import type { SimChannel } from "./types";

/** How the municipality responds. Teams differ in speed and in how often something falls through the cracks. */

const teamSlowness: Record<string, number> = {
  Klantcontactcentrum: 1,
  Burgerzaken: 0.8,
  Belastingen: 1.2,
  "Werk en Inkomen": 1.6,
  Schuldhulpverlening: 1.8,
  "Wmo en Zorg": 1.7,
  "Jeugd en Onderwijs": 2,
  "Openbare Ruimte": 1.1,
  "Parkeren en Handhaving": 1.3,
  Vergunningen: 1.5,
  Wonen: 1.6,
};

export function slownessOf(teamName: string, atMs: number): number {
  const month = new Date(atMs).getUTCMonth();
  // Summer holidays and the weeks around Christmas leave fewer people to answer.
  const season = month === 6 || month === 7 ? 1.4 : month === 11 ? 1.2 : 1;
  return (teamSlowness[teamName] ?? 1.2) * season;
}

/** Can the agent settle it during the call, visit or chat? */
export function resolvedOnContact(
  rng: Rng,
  channel: SimChannel,
  complexity: Complexity,
  contactNumber: number,
): boolean {
  const base: Record<Complexity, number> =
    channel === "chat"
      ? { simple: 0.7, normal: 0.35, complex: 0.08 }
      : channel === "counter"
        ? { simple: 0.9, normal: 0.6, complex: 0.2 }
        : { simple: 0.85, normal: 0.5, complex: 0.15 };
  // A repeat caller sometimes reaches someone who takes the time (or a supervisor).
  return chance(rng, Math.min(0.95, base[complexity] + (contactNumber >= 3 ? 0.1 : 0)));
}

export function taskKindAfterContact(rng: Rng, channel: SimChannel): "callback" | "back-office" {
  if (channel === "phone") return chance(rng, 0.65) ? "callback" : "back-office";
  if (channel === "counter") return chance(rng, 0.2) ? "callback" : "back-office";
  return chance(rng, 0.3) ? "callback" : "back-office";
}

export type TaskFate = "on-time" | "late" | "never";

/** Whether a task is done in time, late, or never (the broken promise behind many repeat calls). */
export function taskFate(rng: Rng, kind: "callback" | "back-office", slowness: number): TaskFate {
  const never = (kind === "callback" ? 0.1 : 0.07) * slowness;
  const late = (kind === "callback" ? 0.18 : 0.2) * slowness;
  return weightedPick(rng, { "on-time": Math.max(0.2, 1 - never - late), late, never });
}

/** Working days until a written answer, or null when the message is lost. */
export function writtenReplyDelay(
  rng: Rng,
  channel: SimChannel,
  complexity: Complexity,
  slowness: number,
): number | null {
  const lost =
    (
      { email: 0.065, webform: 0.045, letter: 0.09, whatsapp: 0.04, sms: 0.05 } as Partial<
        Record<SimChannel, number>
      >
    )[channel] ?? 0.05;
  if (chance(rng, lost * Math.sqrt(slowness))) return null;
  const median =
    { simple: 1, normal: 2.5, complex: 5 }[complexity] * slowness * (channel === "letter" ? 1.6 : 1);
  return logNormal(rng, median, 0.6);
}

/** KCC replies to WhatsApp and SMS within hours; returns office hours to wait. */
export function messagingReplyHours(rng: Rng, slowness: number): number {
  return logNormal(rng, 3, 0.9) * slowness;
}

export function messagingResolves(rng: Rng, complexity: Complexity): boolean {
  return chance(rng, { simple: 0.7, normal: 0.3, complex: 0.05 }[complexity]);
}

export function asksForInformation(rng: Rng, complexity: Complexity): boolean {
  return chance(rng, { simple: 0.03, normal: 0.12, complex: 0.25 }[complexity]);
}

export function reopens(rng: Rng, complexity: Complexity): boolean {
  return chance(rng, { simple: 0.03, normal: 0.06, complex: 0.11 }[complexity]);
}

/** Is the resident there when the callback comes? */
export function reachedByCallback(rng: Rng, daytimeAvailability: number): boolean {
  return chance(rng, 0.2 + 0.75 * daytimeAvailability);
}

/** The channel of a written answer, given how the question came in and what addresses we have. */
export function answerChannel(
  rng: Rng,
  incoming: SimChannel,
  hasEmail: boolean,
  hasPhone: boolean,
): SimChannel {
  switch (incoming) {
    case "email":
      return "email";
    case "whatsapp":
    case "sms":
      return chance(rng, 0.7) ? incoming : hasEmail ? "email" : "letter";
    case "letter":
      return hasPhone && chance(rng, 0.4) ? "phone" : "letter";
    default: {
      const draw = rng();
      if (hasEmail && draw < 0.45) return "email";
      if (hasPhone && draw < 0.93) return "phone";
      return hasEmail && !hasPhone ? "email" : "letter";
    }
  }
}
