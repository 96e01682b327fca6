import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useMessages } from "../i18n";
import { messages } from "./question-view-messages";

/**
 * The confirmation step of a threading correction: what will happen, a reason for the log, and an
 * explicit "yes" or cancel. Focus moves to its heading when it opens.
 */
export function CorrectionPanel(props: {
  id: string;
  title: string;
  help: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  children?: ReactNode;
  /** Returns a message when the extra fields are not filled in well. */
  validate?: () => string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const m = useMessages(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const error = localError ?? props.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = props.validate?.() ?? (reason.trim().length < 3 ? m.reasonTooShort : null);
    setLocalError(problem);
    if (problem) return;
    props.onConfirm(reason.trim());
  };

  return (
    <form className="correction-panel" onSubmit={submit} aria-labelledby={`${props.id}-title`} noValidate>
      <h3 id={`${props.id}-title`} ref={heading} tabIndex={-1} className="utrecht-heading-3">
        {props.title}
      </h3>
      <p className="utrecht-paragraph">{props.help}</p>
      <p className="utrecht-paragraph">
        <strong>{m.confirmWarning}</strong>
      </p>
      {error && (
        <p className="utrecht-form-field-error-message" id={`${props.id}-error`} role="alert">
          {error}
        </p>
      )}
      {props.children}
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${props.id}-reason`}>
          {m.reasonLabel}
        </label>
        <p className="utrecht-form-field-description" id={`${props.id}-reason-help`}>
          {m.reasonHelp}
        </p>
        <input
          id={`${props.id}-reason`}
          className="utrecht-textbox"
          value={reason}
          maxLength={1000}
          autoComplete="off"
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${props.id}-reason-help`}
          aria-invalid={localError === m.reasonTooShort ? true : undefined}
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={props.pending}
        >
          {props.pending ? m.working : props.confirmLabel}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={props.onCancel}
        >
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
