import { useState } from "react";
import type { Question } from "../api";
import { formatDateTime, useI18n } from "../i18n";
import { DueBadge } from "./inbox";
import { useTopicName } from "./question-topics";

/** Status, topic, opening time and due time of the question. */
export function QuestionFacts({ question }: { question: Question }) {
  const { t, language } = useI18n();
  const [now] = useState(() => Date.now());
  const topicName = useTopicName();
  return (
    <dl className="question-facts">
      <div>
        <dt>{t.status}</dt>
        <dd>{t.statuses[question.status] ?? question.status}</dd>
      </div>
      <div>
        <dt>{t.topic}</dt>
        <dd>{topicName(question.topicId) ?? t.unknownTopic}</dd>
      </div>
      <div>
        <dt>{t.opened}</dt>
        <dd>{formatDateTime(language, question.openedAt)}</dd>
      </div>
      <div>
        <dt>{t.due}</dt>
        <dd>
          <DueBadge dueAt={question.dueAt} now={now} />
        </dd>
      </div>
    </dl>
  );
}
