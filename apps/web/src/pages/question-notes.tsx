import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiError, api, type QuestionNote } from "../api";
import { formatDateTime, useI18n, useMessages } from "../i18n";
import { useAnnounce } from "./question-announcer";
import { messages } from "./question-view-messages";

/** Internal notes: for colleagues only, stored apart from the contacts, never sent to the resident. */
export function QuestionNotes({ questionId, notes }: { questionId: string; notes: QuestionNote[] }) {
  const { language } = useI18n();
  const m = useMessages(messages);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const add = useMutation({
    mutationFn: (body: { text: string }) =>
      api<QuestionNote>(`/questions/${questionId}/notes`, { method: "POST", body }),
    onSuccess: async () => {
      setText("");
      setError(null);
      announce(m.noteAdded);
      await queryClient.invalidateQueries({ queryKey: ["question", questionId] });
    },
    onError: (e) => {
      setError(
        e instanceof ApiError ? (e.problem.invalidParams?.[0]?.reason ?? e.problem.detail) : String(e),
      );
      field.current?.focus();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === "") {
      setError(m.noteEmpty);
      field.current?.focus();
      return;
    }
    add.mutate({ text: text.trim() });
  };

  return (
    <section aria-labelledby="notes-title" className="question-notes">
      <h2 id="notes-title" className="utrecht-heading-2">
        {m.notesTitle}
      </h2>
      {notes.length === 0 ? (
        <p className="utrecht-paragraph">{m.notesNone}</p>
      ) : (
        <ul className="note-list" aria-labelledby="notes-title">
          {notes.map((note) => (
            <li key={note.id} className="note-item" data-testid="question-note">
              <p className="note-meta">
                <strong>{m.noteBy(note.authorName ?? m.unknownAuthor)}</strong> ·{" "}
                <time dateTime={note.createdAt}>{formatDateTime(language, note.createdAt)}</time>
              </p>
              <p className="note-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="werkplek-form" onSubmit={submit} aria-labelledby="notes-title" noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="note-text">
            {m.noteLabel}
          </label>
          <p className="utrecht-form-field-description" id="note-help">
            {m.noteHelp}
          </p>
          {error && (
            <p className="utrecht-form-field-error-message" id="note-error">
              {error}
            </p>
          )}
          <textarea
            ref={field}
            id="note-text"
            name="text"
            rows={3}
            maxLength={5000}
            className="utrecht-textarea"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={error ? "note-help note-error" : "note-help"}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button
          type="submit"
          id="note-add"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={add.isPending}
        >
          {add.isPending ? m.noteAdding : m.noteAdd}
        </button>
      </form>
    </section>
  );
}
