import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { ApiError, api, type ThreadingSuggestion } from "../api";
import { channelName, formatDateTime, useI18n, useMessages } from "../i18n";
import { useAnnounce } from "./question-announcer";
import { messages } from "./question-view-messages";

const focusFallback = () => document.getElementById("timeline-title");

/** Links the system suggested but did not make: a person accepts or rejects each one. */
export function ThreadingSuggestions({ suggestions }: { suggestions: ThreadingSuggestion[] }) {
  const m = useMessages(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  if (suggestions.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-title" className="threading-suggestions">
      <h2 id="suggestions-title" ref={heading} tabIndex={-1} className="utrecht-heading-2">
        {m.suggestionsTitle}
      </h2>
      <ul className="suggestion-list">
        {suggestions.map((s) => (
          <Suggestion
            key={s.id}
            suggestion={s}
            afterDecision={() => (heading.current?.isConnected ? heading.current : focusFallback())?.focus()}
          />
        ))}
      </ul>
    </section>
  );
}

function Suggestion({
  suggestion,
  afterDecision,
}: {
  suggestion: ThreadingSuggestion;
  afterDecision(): void;
}) {
  const { t, language } = useI18n();
  const m = useMessages(messages);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: "accept" | "reject") =>
      api<{ status: string }>(`/threading-suggestions/${suggestion.id}/_decide`, {
        method: "POST",
        body: { decision, reason: decision === "accept" ? m.acceptReason : m.rejectReason },
      }),
    onSuccess: async (_, decision) => {
      announce(decision === "accept" ? m.accepted : m.rejected);
      await queryClient.invalidateQueries({ queryKey: ["question"] });
      await queryClient.invalidateQueries({ queryKey: ["resident-timeline"] });
      afterDecision();
    },
  });
  const { contact } = suggestion;
  const channel = channelName(t, contact.channel);
  const date = formatDateTime(language, contact.occurredAt);
  const describedBy = `suggestion-${suggestion.id}`;
  return (
    <li className="suggestion-item" data-testid="threading-suggestion">
      <div id={describedBy}>
        <p className="utrecht-paragraph">
          <strong>
            {suggestion.kind === "into-this-question"
              ? m.suggestionInto(channel, date)
              : m.suggestionOut(channel, date, suggestion.questionReference)}
          </strong>
          {suggestion.kind === "into-this-question" && contact.questionReference
            ? ` ${m.suggestionFrom(contact.questionReference)}`
            : ""}
        </p>
        {contact.subject && <p className="timeline-subject">{contact.subject}</p>}
        {contact.text && <p className="timeline-text">{contact.text}</p>}
        <p className="utrecht-paragraph">{m.suggestionReason(suggestion.reason)}</p>
      </div>
      {decide.isError && (
        <p className="utrecht-form-field-error-message" role="alert">
          {decide.error instanceof ApiError ? decide.error.problem.detail : String(decide.error)}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          aria-describedby={describedBy}
          disabled={decide.isPending}
          onClick={() => decide.mutate("accept")}
        >
          {m.accept}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-describedby={describedBy}
          disabled={decide.isPending}
          onClick={() => decide.mutate("reject")}
        >
          {m.reject}
        </button>
      </div>
    </li>
  );
}
