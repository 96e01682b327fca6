import data from "./default-topics.json" with { type: "json" };

/** A topic id such as "afval"; municipalities may add their own, so it is not a closed union. */
export type TopicId = string;

export type Topic = { id: TopicId; nl: string; en: string; about: string };

/** An underlying life situation that a set of topics can point to (DESIGN §1, premise 4). */
export type Need = { id: string; nl: string; en: string; topics: readonly TopicId[]; about: string };

export type TopicList = { version: number; topics: readonly Topic[]; needs: readonly Need[] };

export const defaultTopics: TopicList = { version: data.version, topics: data.topics, needs: data.needs };

/**
 * Topics that are need-to-know (DESIGN §5): youth, debts, care and income are visible only to the
 * teams that handle them and to case guides with a purpose.
 */
export const defaultSensitiveTopicIds: readonly TopicId[] = ["jeugd", "schulden", "zorg-wmo", "inkomen"];

export function isKnownTopic(topicId: string, topics: readonly Topic[] = defaultTopics.topics): boolean {
  return topics.some((topic) => topic.id === topicId);
}

export function isSensitiveTopic(
  topicId: string,
  sensitiveTopicIds: readonly TopicId[] = defaultSensitiveTopicIds,
): boolean {
  return sensitiveTopicIds.includes(topicId);
}
