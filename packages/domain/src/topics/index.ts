export {
  defaultSensitiveTopicIds,
  defaultTopics,
  isKnownTopic,
  isSensitiveTopic,
  type Need,
  type Topic,
  type TopicId,
  type TopicList,
} from "./topics";
