import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api";
import { formatDateTime, useI18n, useMessages } from "../i18n";
import { useAnnounce } from "./question-announcer";
import { messages } from "./question-chat-messages";
import { appendText, KnowledgePanel } from "./question-knowledge";
import { QuestionTransfer } from "./question-transfer";

type ChatMessage = {
  id: string;
  sender: "visitor" | "employee" | "system";
  employeeId: string | null;
  /** Who wrote an employee line (colleagues see it; the visitor does not). */
  employeeName: string | null;
  text: string;
  createdAt: string;
};
type ChatSession = {
  id: string;
  status: "waiting" | "active" | "ended";
  endReason: string | null;
  wrapUp: string | null;
  messages: ChatMessage[];
};
type QuestionChatData = { questionId: string; sessions: ChatSession[] };
type ChatQuestion = { id: string; topicId: string | null };

/** The employee tells the visitor they are typing at most this often. */
const TYPING_EVERY_MS = 3000;

const problemText = (e: unknown) =>
  e instanceof ApiError ? (e.problem.invalidParams?.[0]?.reason ?? e.problem.detail) : String(e);

/**
 * The employee's side of the web chat: the conversation, writing (canned texts and knowledge answers
 * can be inserted first), transferring to a colleague or team, and ending with a wrap-up. The question
 * page keeps ["question-chat", questionId] current from the live stream ("chat.message").
 */
export function QuestionChat({ question }: { question: ChatQuestion }) {
  const questionId = question.id;
  const m = useMessages(messages);
  const chat = useQuery({
    queryKey: ["question-chat", questionId],
    queryFn: () => api<QuestionChatData>(`/questions/${questionId}/chat`),
  });
  if (chat.isError)
    return (
      <section aria-labelledby="chat-title" className="question-chat">
        <h2 id="chat-title" className="utrecht-heading-2">
          {m.title}
        </h2>
        <p className="utrecht-paragraph">{m.loadError}</p>
      </section>
    );
  const session = chat.data?.sessions.at(-1);
  if (!session) return null;
  return <ChatPanel key={session.id} question={question} session={session} />;
}

function ChatPanel({ question, session }: { question: ChatQuestion; session: ChatSession }) {
  const questionId = question.id;
  const { language } = useI18n();
  const m = useMessages(messages);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const endToggle = useRef<HTMLButtonElement>(null);
  const lastTyping = useRef(0);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const ended = session.status === "ended";

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["question-chat", questionId] }),
      queryClient.invalidateQueries({ queryKey: ["question", questionId] }),
    ]);

  // The newest message stays in view.
  const count = session.messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when a message arrives.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [count]);

  const send = useMutation({
    mutationFn: (body: { text: string }) =>
      api(`/chat-sessions/${session.id}/messages`, { method: "POST", body }),
    onSuccess: async () => {
      setText("");
      setError(null);
      lastTyping.current = 0;
      field.current?.focus();
      await refresh();
    },
    onError: (e) => {
      setError(problemText(e));
      field.current?.focus();
    },
  });

  const sendNow = () => {
    if (send.isPending) return;
    if (text.trim() === "") {
      setError(m.messageEmpty);
      field.current?.focus();
      return;
    }
    send.mutate({ text: text.trim() });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sendNow();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    sendNow();
  };
  const onChange = (value: string) => {
    setText(value);
    const now = Date.now();
    if (value.trim() === "" || now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    // Only a hint for the visitor: a failure here is not worth bothering the employee with.
    api(`/chat-sessions/${session.id}/_typing`, { method: "POST", body: {} }).catch(() => {});
  };

  // Inserted text is not sent: the employee reads it over and sends it themselves.
  const insert = (addition: string) => {
    setText((current) => appendText(current, addition));
    setError(null);
    field.current?.focus();
  };

  const who = (message: ChatMessage) =>
    message.sender === "visitor"
      ? m.visitor
      : message.sender === "employee"
        ? message.employeeName
          ? m.employeeNamed(message.employeeName)
          : m.employee
        : m.system;
  const status =
    session.status === "waiting"
      ? m.statusWaiting
      : session.status === "active"
        ? m.statusActive
        : m.statusEnded;

  return (
    <section aria-labelledby="chat-title" className="question-chat">
      <h2 id="chat-title" ref={heading} tabIndex={-1} className="utrecht-heading-2">
        {m.title}
      </h2>
      <p className="utrecht-paragraph chat-status" data-testid="chat-status">
        {status}
      </p>
      {/* Scrollable, so focusable: keyboard users can scroll back through the conversation. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <div ref={log} role="log" aria-live="polite" aria-label={m.logLabel} tabIndex={0} className="chat-log">
        {session.messages.length === 0 ? (
          <p className="utrecht-paragraph">{m.noMessages}</p>
        ) : (
          <ol className="chat-messages">
            {session.messages.map((message) => (
              <li key={message.id} className={`chat-message chat-message--${message.sender}`}>
                <p className="chat-meta">
                  <strong>{who(message)}</strong> ·{" "}
                  <time dateTime={message.createdAt}>{formatDateTime(language, message.createdAt)}</time>
                </p>
                <p className="chat-text">{message.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {ended && session.wrapUp && <p className="utrecht-paragraph">{m.wrapUp(session.wrapUp)}</p>}
      {!ended && (
        <form className="werkplek-form" onSubmit={submit} aria-labelledby="chat-title" noValidate>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="chat-text">
              {m.messageLabel}
            </label>
            <p className="utrecht-form-field-description" id="chat-help">
              {m.messageHelp}
            </p>
            {error && (
              <p className="utrecht-form-field-error-message" id="chat-error">
                {error}
              </p>
            )}
            <textarea
              ref={field}
              id="chat-text"
              name="text"
              rows={3}
              maxLength={2000}
              className="utrecht-textarea"
              value={text}
              onChange={(e) => onChange(e.target.value)}
              onKeyDown={onKeyDown}
              aria-describedby={error ? "chat-help chat-error" : "chat-help"}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <button
            type="submit"
            id="chat-send"
            className="utrecht-button utrecht-button--primary-action"
            disabled={send.isPending}
          >
            {send.isPending ? m.sending : m.send}
          </button>
        </form>
      )}
      {!ended && (
        <KnowledgePanel
          questionId={questionId}
          topicId={question.topicId}
          onInsert={insert}
          idPrefix="chat-"
          title={m.knowledgeTitle}
          insertLabel={m.insert}
        />
      )}
      {!ended && <QuestionTransfer questionId={questionId} idPrefix="chat-" headingLevel={3} chat />}
      {!(ended && session.wrapUp) &&
        (ending ? (
          <EndChatForm
            session={session}
            onCancel={() => {
              setEnding(false);
              setTimeout(() => endToggle.current?.focus());
            }}
            onEnded={async () => {
              setEnding(false);
              announce(m.ended);
              await refresh();
              heading.current?.focus();
            }}
          />
        ) : (
          <button
            ref={endToggle}
            type="button"
            id="chat-end"
            className="utrecht-button utrecht-button--secondary-action chat-end-toggle"
            onClick={() => setEnding(true)}
          >
            {ended ? m.addWrapUp : m.end}
          </button>
        ))}
    </section>
  );
}

function EndChatForm({
  session,
  onCancel,
  onEnded,
}: {
  session: ChatSession;
  onCancel: () => void;
  onEnded: () => Promise<void>;
}) {
  const m = useMessages(messages);
  const title = useRef<HTMLHeadingElement>(null);
  const wrapUpField = useRef<HTMLTextAreaElement>(null);
  const [wrapUp, setWrapUp] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The reason only matters while the chat still runs: closing it early.
  const early = session.status !== "ended";
  useEffect(() => title.current?.focus(), []);

  const end = useMutation({
    mutationFn: (body: { wrapUp: string; reason?: string }) =>
      api(`/chat-sessions/${session.id}/_end`, { method: "POST", body }),
    onSuccess: onEnded,
    onError: (e) => {
      setError(problemText(e));
      wrapUpField.current?.focus();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (wrapUp.trim() === "") {
      setError(m.wrapUpEmpty);
      wrapUpField.current?.focus();
      return;
    }
    end.mutate({ wrapUp: wrapUp.trim(), ...(early && reason.trim() ? { reason: reason.trim() } : {}) });
  };

  return (
    <form
      className="werkplek-form chat-end-form"
      onSubmit={submit}
      aria-labelledby="chat-end-title"
      noValidate
    >
      <h3 id="chat-end-title" ref={title} tabIndex={-1} className="utrecht-heading-3">
        {early ? m.endTitle : m.addWrapUp}
      </h3>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="chat-wrap-up">
          {m.wrapUpLabel}
        </label>
        <p className="utrecht-form-field-description" id="chat-wrap-up-help">
          {m.wrapUpHelp}
        </p>
        {error && (
          <p className="utrecht-form-field-error-message" id="chat-wrap-up-error">
            {error}
          </p>
        )}
        <textarea
          ref={wrapUpField}
          id="chat-wrap-up"
          name="wrapUp"
          rows={3}
          maxLength={5000}
          required
          aria-required="true"
          className="utrecht-textarea"
          value={wrapUp}
          onChange={(e) => setWrapUp(e.target.value)}
          aria-describedby={error ? "chat-wrap-up-help chat-wrap-up-error" : "chat-wrap-up-help"}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {early && (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="chat-end-reason">
            {m.reasonLabel}
          </label>
          <p className="utrecht-form-field-description" id="chat-end-reason-help">
            {m.reasonHelp}
          </p>
          <input
            id="chat-end-reason"
            name="reason"
            type="text"
            maxLength={200}
            className="utrecht-textbox"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="chat-end-reason-help"
          />
        </div>
      )}
      <div className="chat-end-actions">
        <button
          type="submit"
          id="chat-end-confirm"
          className="utrecht-button utrecht-button--primary-action"
          disabled={end.isPending}
        >
          {end.isPending ? m.ending : early ? m.endConfirm : m.addWrapUp}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
