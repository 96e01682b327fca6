import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ApiError, api, type ResidentTimelineItem, type ResidentTimelinePage } from "../api";
import { channelName, formatDateTime, useI18n, useMessages } from "../i18n";
import { useTopicName } from "./question-topics";
import { messages } from "./question-view-messages";

export type ResidentQuestion = { id: string; reference: string; topicId: string | null; status: string };
type Group = ResidentQuestion & { items: ResidentTimelineItem[] };

/** The resident's timeline across all their questions, page by page (newest first). */
export function useResidentTimeline(partyId: string | null) {
  return useInfiniteQuery({
    queryKey: ["resident-timeline", partyId],
    enabled: partyId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<ResidentTimelinePage>(
        `/residents/${partyId}/timeline?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

function questionOf(item: ResidentTimelineItem): ResidentQuestion | { id: string } {
  if (item.kind === "interaction") return item.question;
  if (item.kind === "question-opened")
    return { id: item.questionId, reference: item.reference, topicId: item.topicId, status: item.status };
  return { id: item.questionId };
}

/** Groups timeline items by question, the question with the latest activity first. */
export function groupByQuestion(items: ResidentTimelineItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const q = questionOf(item);
    const group = groups.get(q.id) ?? { id: q.id, reference: "", topicId: null, status: "", items: [] };
    if ("reference" in q)
      Object.assign(group, { reference: q.reference, topicId: q.topicId, status: q.status });
    group.items.push(item);
    groups.set(q.id, group);
  }
  return [...groups.values()].filter((g) => g.reference !== "");
}

/** The resident's other questions, to move a contact to or merge with. */
export function useResidentQuestions(partyId: string | null, currentId: string): ResidentQuestion[] {
  const timeline = useResidentTimeline(partyId);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return groupByQuestion(items)
    .filter((g) => g.id !== currentId)
    .map(({ items: _, ...question }) => question);
}

/** "Alle vragen van deze inwoner": every contact of the resident, grouped by question, with links. */
export function ResidentQuestionsTimeline({ partyId, currentId }: { partyId: string; currentId: string }) {
  const { t, language } = useI18n();
  const m = useMessages(messages);
  const topicName = useTopicName();
  const timeline = useResidentTimeline(partyId);
  const pages = timeline.data?.pages ?? [];
  const groups = groupByQuestion(pages.flatMap((p) => p.items));
  const hidden = pages.reduce((n, p) => n + p.hiddenCount, 0);

  return (
    <section aria-labelledby="resident-timeline-title" data-testid="resident-timeline">
      <h2 id="resident-timeline-title" className="utrecht-heading-2">
        {m.residentTimelineTitle}
      </h2>
      {timeline.isPending && <p className="utrecht-paragraph">{m.residentLoading}</p>}
      {timeline.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h3 className="utrecht-heading-3">{m.residentError}</h3>
          <p className="utrecht-paragraph">
            {timeline.error instanceof ApiError ? timeline.error.problem.detail : String(timeline.error)}
          </p>
        </div>
      )}
      {hidden > 0 && <p className="utrecht-paragraph">{m.residentHidden(hidden)}</p>}
      {timeline.isSuccess && groups.length === 0 && <p className="utrecht-paragraph">{m.residentEmpty}</p>}
      <ol className="resident-questions">
        {groups.map((group) => (
          <li key={group.id} className="resident-question" aria-labelledby={`rq-${group.id}`}>
            <h3 id={`rq-${group.id}`} className="utrecht-heading-3">
              {group.id === currentId ? (
                <>
                  {m.questionHeading(group.reference)} {m.currentMark}
                </>
              ) : (
                <Link to="/vragen/$questionId" params={{ questionId: group.id }} className="utrecht-link">
                  {m.questionHeading(group.reference)}
                </Link>
              )}
            </h3>
            <p className="timeline-meta">
              {t.statuses[group.status] ?? group.status} · {topicName(group.topicId) ?? m.unknownTopic}
            </p>
            <ol className="timeline">
              {group.items.map((item) => (
                <li
                  key={`${item.kind}-${item.kind === "interaction" ? item.interactionId : item.kind === "task" ? item.taskId : item.questionId}`}
                  className={`timeline-item${item.kind === "interaction" ? ` timeline-item--${item.direction}` : ""}`}
                >
                  <p className="timeline-meta">
                    <strong>
                      {item.kind === "interaction"
                        ? item.direction === "outbound"
                          ? t.outbound(channelName(t, item.channel))
                          : t.inbound(channelName(t, item.channel))
                        : item.kind === "task"
                          ? m.task(
                              t.kinds[item.taskKind] ?? item.taskKind,
                              t.taskStatuses[item.status] ?? item.status,
                            )
                          : m.opened}
                    </strong>{" "}
                    · <time dateTime={item.at}>{formatDateTime(language, item.at)}</time>
                  </p>
                  {item.kind === "interaction" && (
                    <>
                      {item.subject && <p className="timeline-subject">{item.subject}</p>}
                      <p className="timeline-text">{item.text || t.noText}</p>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {timeline.hasNextPage && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void timeline.fetchNextPage()}
          disabled={timeline.isFetchingNextPage}
        >
          {m.loadMore}
        </button>
      )}
    </section>
  );
}
