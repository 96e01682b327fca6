import type { Question } from "../api";
import { channelName, formatDateTime, useI18n } from "../i18n";

/** Every contact of the question, on every channel, oldest first. */
export function QuestionTimeline({ question }: { question: Question }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="utrecht-heading-2">
        {t.timeline}
      </h2>
      <ol className="timeline">
        {question.interactions.map((i) => (
          <li key={i.id} className={`timeline-item timeline-item--${i.direction}`}>
            <p className="timeline-meta">
              <strong>
                {i.direction === "outbound"
                  ? t.outbound(channelName(t, i.channel))
                  : t.inbound(channelName(t, i.channel))}
              </strong>{" "}
              · <time dateTime={i.occurredAt}>{formatDateTime(language, i.occurredAt)}</time>
            </p>
            {i.subject && <p className="timeline-subject">{i.subject}</p>}
            <p className="timeline-text">{i.text ?? t.noText}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
