import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useI18n, useMessages } from "../i18n";
import { DueBadge } from "./inbox";
import { messages } from "./resident-panel-messages";
import type { ResidentProfile } from "./resident-panel-types";

/** The resident's open questions this employee may see, and the open tasks on them. */
export function ResidentOpenWork({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const { t } = useI18n();
  const [now] = useState(() => Date.now());
  return (
    <section aria-labelledby="resident-work-title" className="resident-section">
      <h3 id="resident-work-title" className="utrecht-heading-3">
        {m.openQuestionsTitle}
      </h3>
      {profile.openQuestions.length === 0 ? (
        <p className="utrecht-paragraph">{m.noOpenQuestions}</p>
      ) : (
        <ul className="resident-plain-list">
          {profile.openQuestions.map((q) => (
            <li key={q.id} data-testid="resident-open-question">
              <Link to="/vragen/$questionId" params={{ questionId: q.id }} className="utrecht-link">
                {t.questionTitle(q.reference)}
              </Link>{" "}
              · {q.topicId ?? t.unknownTopic} · {t.statuses[q.status] ?? q.status} ·{" "}
              <DueBadge dueAt={q.dueAt} now={now} />
            </li>
          ))}
        </ul>
      )}
      {profile.hiddenQuestionCount > 0 && (
        <p className="utrecht-paragraph">{m.hiddenQuestions(profile.hiddenQuestionCount)}</p>
      )}
      <h3 className="utrecht-heading-3">{m.openTasksTitle}</h3>
      {profile.openTasks.length === 0 ? (
        <p className="utrecht-paragraph">{m.noOpenTasks}</p>
      ) : (
        <ul className="resident-plain-list">
          {profile.openTasks.map((task) => (
            <li
              key={task.id}
              data-testid="resident-open-task"
              className={task.overdue ? "resident-task--overdue" : undefined}
            >
              <strong>{t.kinds[task.kind] ?? task.kind}</strong> · {t.questionTitle(task.questionReference)} ·{" "}
              <DueBadge dueAt={task.dueAt} now={now} />
              <br />
              {task.description}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
