import { defaultTopics } from "@omniloket/domain";
import { int, pick, type Rng } from "../random";
import { months } from "./nl-style";
import { dailyTopics } from "./nl-topics-daily";
import { socialTopics } from "./nl-topics-social";
import type { TopicText } from "./topic-text";

const texts: Record<string, TopicText> = { ...dailyTopics, ...socialTopics };

/** Text material for a topic; a topic a municipality added itself falls back to the general one. */
export function topicText(topicId: string): TopicText {
  return texts[topicId] ?? (texts.overig as TopicText);
}

/** The same variant of a question runs through its ask, the agent's note and the answer, so they fit together. */
export function variantOf<T>(items: readonly T[], variant: number): T {
  return items[variant % items.length] as T;
}

export function hasTopicText(topicId: string): boolean {
  return topicId in texts;
}

const topicNames = new Map(defaultTopics.topics.map((topic) => [topic.id, topic]));

export function topicNameNl(topicId: string | null): string {
  return (topicId && topicNames.get(topicId)?.nl) || "Algemene vraag";
}

export function topicNameEn(topicId: string | null): string {
  return (topicId && topicNames.get(topicId)?.en) || "General question";
}

export type FillValues = { street: string; houseNumber: string; ref?: string; topic?: string };

/** Fills the placeholders of a template with plausible details, drawn from the stream. */
export function fill(rng: Rng, template: string, values: FillValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    switch (key) {
      case "street":
        return values.street;
      case "number":
        return values.houseNumber;
      case "month":
        return pick(rng, months);
      case "day":
        return String(int(rng, 1, 28));
      case "amount":
        return String(int(rng, 18, 140) * 5);
      case "plate":
        return plate(rng);
      case "ref":
        return values.ref ?? whole;
      case "topic":
        return values.topic ?? whole;
      default:
        return whole;
    }
  });
}

function plate(rng: Rng): string {
  const letters = "BDFGHJKLNPRSTVXZ";
  const letter = () => letters[int(rng, 0, letters.length - 1)];
  return `${letter()}${letter()}-${int(rng, 100, 999)}-${letter()}`;
}

/** "mevrouw De Vries": the prefix takes a capital when no given name precedes it. */
export function salutationName(sex: "female" | "male", prefix: string | null, familyName: string): string {
  const title = sex === "female" ? "mevrouw" : "meneer";
  const capitalised = prefix ? `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)} ` : "";
  return `${title} ${capitalised}${familyName}`;
}

export function noteTitle(sex: "female" | "male", prefix: string | null, familyName: string): string {
  const capitalised = prefix ? `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)} ` : "";
  return `${sex === "female" ? "Mw." : "Dhr."} ${capitalised}${familyName}`;
}
