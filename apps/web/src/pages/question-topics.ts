import { useQuery } from "@tanstack/react-query";
import { api, type TopicOption } from "../api";
import { type Language, useI18n } from "../i18n";

/** The topic list (ids with Dutch and English names); it rarely changes, so it is cached long. */
export function useTopics() {
  return useQuery({
    queryKey: ["topics"],
    queryFn: () => api<{ topics: TopicOption[] }>("/topics"),
    staleTime: 60 * 60_000,
  });
}

export function topicLabel(topics: TopicOption[] | undefined, id: string | null, language: Language) {
  if (id === null) return null;
  const topic = topics?.find((x) => x.id === id);
  return topic ? topic[language] : id;
}

/** The name of a topic in the employee's language (its id while the list loads), or null for none. */
export function useTopicName(): (id: string | null) => string | null {
  const { language } = useI18n();
  const topics = useTopics();
  return (id) => topicLabel(topics.data?.topics, id, language);
}
