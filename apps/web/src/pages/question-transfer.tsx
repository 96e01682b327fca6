import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api";
import { useI18n, useMessages } from "../i18n";
import { useAnnounce } from "./question-announcer";
import { messages } from "./question-transfer-messages";

type TransferTargets = {
  teams: { id: string; name: string; handlesTopic: boolean }[];
  employees: { id: string; name: string; presence: string; teamIds: string[] }[];
};
type FieldErrors = { target?: string; note?: string; form?: string };

/** The API's fields, mapped to ours: a problem about employeeId or teamId is about the chosen target. */
function problemErrors(e: unknown): FieldErrors {
  if (!(e instanceof ApiError)) return { form: String(e) };
  const param = e.problem.invalidParams?.[0];
  if (param?.name === "note") return { note: param.reason };
  if (param?.name === "employeeId" || param?.name === "teamId") return { target: param.reason };
  return { form: e.problem.detail };
}

/**
 * Hands the question to a colleague or a team, with a required note (POST …/_transfer). A toggle opens
 * the form; focus goes to its heading and back to the toggle when it closes. An open chat goes along.
 * `idPrefix` keeps the question view's form and the chat panel's apart.
 */
export function QuestionTransfer({
  questionId,
  idPrefix = "",
  headingLevel = 2,
  chat = false,
}: {
  questionId: string;
  idPrefix?: string;
  headingLevel?: 2 | 3;
  chat?: boolean;
}) {
  const m = useMessages(messages);
  const toggle = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Back to the toggle once it is on the page again (after a transfer the close comes from a promise,
  // so the toggle is rendered later than a timeout would run).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    toggle.current?.focus();
  }, [open]);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  return (
    <div className="question-transfer">
      {open ? (
        <TransferForm
          questionId={questionId}
          idPrefix={idPrefix}
          headingLevel={headingLevel}
          chat={chat}
          onClose={close}
        />
      ) : (
        <button
          ref={toggle}
          type="button"
          id={`${idPrefix}transfer-toggle`}
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => setOpen(true)}
        >
          {m.toggle}
        </button>
      )}
    </div>
  );
}

function TransferForm({
  questionId,
  idPrefix,
  headingLevel,
  chat,
  onClose,
}: {
  questionId: string;
  idPrefix: string;
  headingLevel: 2 | 3;
  chat: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const m = useMessages(messages);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const id = (name: string) => `${idPrefix}transfer-${name}`;
  const title = useRef<HTMLHeadingElement>(null);
  const targetField = useRef<HTMLSelectElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => title.current?.focus(), []);

  const targets = useQuery({
    queryKey: ["transfer-targets", questionId],
    queryFn: () => api<TransferTargets>(`/questions/${questionId}/transfer-targets`),
  });
  const nameOf = (value: string) => {
    const [kind, targetId] = value.split(":");
    const list = kind === "employee" ? targets.data?.employees : targets.data?.teams;
    return list?.find((x) => x.id === targetId)?.name ?? "";
  };

  const transfer = useMutation({
    mutationFn: (body: { employeeId?: string; teamId?: string; note: string }) =>
      api(`/questions/${questionId}/_transfer`, { method: "POST", body }),
    onSuccess: async () => {
      announce(m.transferred(nameOf(target)));
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["question", questionId] }),
        queryClient.invalidateQueries({ queryKey: ["question-chat", questionId] }),
        queryClient.invalidateQueries({ queryKey: ["transfer-targets", questionId] }),
      ]);
    },
    onError: (e) => {
      const found = problemErrors(e);
      setErrors(found);
      if (found.target) targetField.current?.focus();
      else if (found.note) noteField.current?.focus();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {
      ...(target === "" ? { target: m.targetEmpty } : {}),
      ...(note.trim().length < 3 ? { note: m.noteEmpty } : {}),
    };
    setErrors(found);
    if (found.target) return targetField.current?.focus();
    if (found.note) return noteField.current?.focus();
    const [kind, targetId] = target.split(":");
    transfer.mutate({
      ...(kind === "employee" ? { employeeId: targetId } : { teamId: targetId }),
      note: note.trim(),
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  const Heading = headingLevel === 2 ? "h2" : "h3";
  const describedBy = (help: string, error: string | undefined, errorId: string) =>
    error ? `${help} ${errorId}` : help;
  const data = targets.data;
  const none = data !== undefined && data.employees.length === 0 && data.teams.length === 0;

  return (
    // Escape closes the form, as Annuleren does.
    <form
      className="werkplek-form transfer-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={id("title")}
      noValidate
    >
      <Heading
        id={id("title")}
        ref={title}
        tabIndex={-1}
        className={headingLevel === 2 ? "utrecht-heading-2" : "utrecht-heading-3"}
      >
        {m.title}
      </Heading>
      {chat && <p className="utrecht-paragraph">{m.chatHelp}</p>}
      {targets.isError && (
        <p className="utrecht-paragraph" role="alert">
          {m.loadError}
        </p>
      )}
      {none && <p className="utrecht-paragraph">{m.noTargets}</p>}
      {errors.form && (
        <p className="utrecht-form-field-error-message" role="alert">
          {errors.form}
        </p>
      )}
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={id("target")}>
          {m.targetLabel}
        </label>
        <p className="utrecht-form-field-description" id={id("target-help")}>
          {m.targetHelp}
        </p>
        {errors.target && (
          <p className="utrecht-form-field-error-message" id={id("target-error")}>
            {errors.target}
          </p>
        )}
        <select
          ref={targetField}
          id={id("target")}
          name="target"
          className="utrecht-select"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          required
          aria-required="true"
          aria-describedby={describedBy(id("target-help"), errors.target, id("target-error"))}
          aria-invalid={errors.target ? true : undefined}
        >
          <option value="">{m.targetChoose}</option>
          {data && data.employees.length > 0 && (
            <optgroup label={m.colleagues}>
              {data.employees.map((e) => (
                <option key={e.id} value={`employee:${e.id}`}>
                  {m.colleague(e.name, (t.presences[e.presence] ?? e.presence).toLowerCase())}
                </option>
              ))}
            </optgroup>
          )}
          {data && data.teams.length > 0 && (
            <optgroup label={m.teams}>
              {data.teams.map((team) => (
                <option key={team.id} value={`team:${team.id}`}>
                  {team.handlesTopic ? m.handlesTopic(team.name) : team.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={id("note")}>
          {m.noteLabel}
        </label>
        <p className="utrecht-form-field-description" id={id("note-help")}>
          {m.noteHelp}
        </p>
        {errors.note && (
          <p className="utrecht-form-field-error-message" id={id("note-error")}>
            {errors.note}
          </p>
        )}
        <textarea
          ref={noteField}
          id={id("note")}
          name="note"
          rows={2}
          maxLength={1000}
          required
          aria-required="true"
          className="utrecht-textarea"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={describedBy(id("note-help"), errors.note, id("note-error"))}
          aria-invalid={errors.note ? true : undefined}
        />
      </div>
      <div className="chat-end-actions">
        <button
          type="submit"
          id={id("confirm")}
          className="utrecht-button utrecht-button--primary-action"
          disabled={transfer.isPending}
        >
          {transfer.isPending ? m.confirming : m.confirm}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onClose}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
