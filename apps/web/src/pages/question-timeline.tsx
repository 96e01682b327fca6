import { useRef } from "react";
import type { AttachmentSummary, Question } from "../api";
import { channelName, formatDateTime, useI18n, useMessages } from "../i18n";
import { ContactActions } from "./question-contact-actions";
import type { ResidentQuestion } from "./question-resident-timeline";
import { messages } from "./question-view-messages";

/** Every contact of the question, on every channel, oldest first, with its attachments and corrections. */
export function QuestionTimeline({
  question,
  otherQuestions = [],
}: {
  question: Question;
  otherQuestions?: ResidentQuestion[];
}) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const canCorrect = !question.mergedIntoId;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" ref={heading} tabIndex={-1} className="utrecht-heading-2">
        {t.timeline}
      </h2>
      <ol className="timeline">
        {question.interactions.map((i) => (
          <li
            key={i.id}
            className={`timeline-item timeline-item--${i.direction}`}
            data-testid="timeline-contact"
          >
            <p className="timeline-meta" id={`contact-meta-${i.id}`}>
              <strong>
                {i.direction === "outbound"
                  ? t.outbound(channelName(t, i.channel))
                  : t.inbound(channelName(t, i.channel))}
              </strong>{" "}
              · <time dateTime={i.occurredAt}>{formatDateTime(language, i.occurredAt)}</time>
            </p>
            {i.subject && <p className="timeline-subject">{i.subject}</p>}
            <p className="timeline-text">{i.text || t.noText}</p>
            {(i.attachments?.length ?? 0) > 0 && <Attachments attachments={i.attachments ?? []} />}
            {canCorrect && (
              <ContactActions
                questionId={question.id}
                interactionId={i.id}
                canSplit={question.interactions.length > 1}
                otherQuestions={otherQuestions}
                focusAfter={() => heading.current?.focus()}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Attachments({ attachments }: { attachments: AttachmentSummary[] }) {
  const { language } = useI18n();
  const m = useMessages(messages);
  const size = (bytes: number) =>
    m.fileSize(new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1024));
  return (
    <div className="timeline-attachments">
      <p className="timeline-meta">
        <strong>{m.attachments}</strong>
      </p>
      <ul className="attachment-list">
        {attachments.map((a) => (
          <li key={a.id}>
            {a.quarantined ? (
              <span className="attachment-quarantined">
                {a.filename} ({m.quarantined})
              </span>
            ) : (
              <>
                <a
                  href={`/api/v1/attachments/${a.id}`}
                  className="utrecht-link"
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {a.filename}
                </a>{" "}
                <span className="attachment-size">({size(a.size)})</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
