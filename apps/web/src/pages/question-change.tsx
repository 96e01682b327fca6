import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api, type Question, type QuestionChanged } from "../api";
import { useI18n, useMessages } from "../i18n";
import { SelectField } from "../select-field";
import { useAnnounce } from "./question-announcer";
import { topicLabel, useTopics } from "./question-topics";
import { messages } from "./question-view-messages";

const STATUSES = ["open", "waiting-on-resident", "waiting-on-municipality", "resolved", "reopened"];

/** Sets the question's topic (which routes it to that topic's team) and its status. */
export function QuestionChange({ question }: { question: Question }) {
  const { t, language } = useI18n();
  const m = useMessages(messages);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const topics = useTopics();
  const [error, setError] = useState<string | null>(null);
  const [away, setAway] = useState(false);
  const [topicId, setTopicId] = useState(question.topicId ?? "");
  const [status, setStatus] = useState(question.status);
  useEffect(() => {
    setTopicId(question.topicId ?? "");
    setStatus(question.status);
  }, [question.topicId, question.status]);

  const change = useMutation({
    mutationFn: (body: { topicId?: string; status?: string }) =>
      api<QuestionChanged>(`/questions/${question.id}/_change`, { method: "POST", body }),
    onSuccess: async (result, body) => {
      setError(null);
      const parts = [
        ...(body.topicId
          ? [m.changedTopic(topicLabel(topics.data?.topics, body.topicId, language) ?? "")]
          : []),
        ...(body.status ? [m.changedStatus(t.statuses[body.status] ?? body.status)] : []),
      ];
      announce(result.visibleToYou ? m.changed(parts.join(", ")) : m.changedAway);
      if (!result.visibleToYou) {
        setAway(true);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ["question", question.id] });
      await queryClient.invalidateQueries({ queryKey: ["resident-timeline"] });
    },
    onError: (e) => setError(e instanceof ApiError ? e.problem.detail : String(e)),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      ...(topicId && topicId !== question.topicId ? { topicId } : {}),
      ...(status && status !== question.status ? { status } : {}),
    };
    if (Object.keys(body).length === 0) {
      setError(m.changeNothing);
      return;
    }
    change.mutate(body);
  };

  if (away)
    return (
      <div className="utrecht-alert utrecht-alert--warning">
        <p className="utrecht-paragraph">{m.changedAway}</p>
        <Link to="/inbox" className="utrecht-link">
          {m.backToInbox}
        </Link>
      </div>
    );

  return (
    <form className="question-change" onSubmit={submit} aria-labelledby="question-change-title">
      <h2 id="question-change-title" className="utrecht-heading-2">
        {m.changeTitle}
      </h2>
      {error && (
        <p className="utrecht-form-field-error-message" id="question-change-error" role="alert">
          {error}
        </p>
      )}
      <div className="question-change-fields">
        <SelectField
          id="change-topic"
          name="topicId"
          label={m.topicLabel}
          value={topicId}
          onChange={setTopicId}
          leading={
            <>
              {question.topicId === null && <option value="">{m.unknownTopic}</option>}
              {question.topicId !== null && !topics.data?.topics.some((x) => x.id === question.topicId) && (
                <option value={question.topicId}>{question.topicId}</option>
              )}
            </>
          }
          options={(topics.data?.topics ?? []).map((topic) => ({ value: topic.id, label: topic[language] }))}
        />
        <SelectField
          id="change-status"
          name="status"
          label={m.statusLabel}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t.statuses[s] ?? s }))}
        />
        <button
          type="submit"
          id="change-save"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={change.isPending}
        >
          {change.isPending ? m.changeSaving : m.changeSave}
        </button>
      </div>
    </form>
  );
}
