import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ApiError, api } from "../api";
import { useMessages } from "../i18n";
import { announceAfterNavigation, useAnnounce } from "./question-announcer";
import { CorrectionPanel } from "./question-correction-panel";
import type { ResidentQuestion } from "./question-resident-timeline";
import { useTopicName } from "./question-topics";
import { messages } from "./question-view-messages";

type Moved = { interactionId: string; fromQuestionId: string; toQuestionId: string; sourceMerged: boolean };
type Split = { questionId: string; reference: string; movedInteractions: number };

const problemText = (e: unknown) =>
  e instanceof ApiError ? (e.problem.invalidParams?.[0]?.reason ?? e.problem.detail) : String(e);

/** Per contact: move it to another question, or split it off as a new question. */
export function ContactActions(props: {
  questionId: string;
  interactionId: string;
  canSplit: boolean;
  otherQuestions: ResidentQuestion[];
  /** Where focus goes after the contact has left this question. */
  focusAfter(): void;
}) {
  const m = useMessages(messages);
  const topicName = useTopicName();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<"move" | "split" | null>(null);
  const [targetId, setTargetId] = useState("");
  const [reference, setReference] = useState("");
  const moveButton = useRef<HTMLButtonElement>(null);
  const splitButton = useRef<HTMLButtonElement>(null);
  const id = `contact-${props.interactionId}`;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["question"] });
    await queryClient.invalidateQueries({ queryKey: ["resident-timeline"] });
  };

  const move = useMutation({
    mutationFn: (reason: string) =>
      api<Moved>(`/interactions/${props.interactionId}/_move`, {
        method: "POST",
        body: targetId
          ? { targetQuestionId: targetId, reason }
          : { targetReference: reference.trim(), reason },
      }),
    onSuccess: async (result) => {
      const target =
        props.otherQuestions.find((q) => q.id === result.toQuestionId)?.reference ??
        reference.trim().toUpperCase();
      setOpen(null);
      if (result.sourceMerged) {
        announceAfterNavigation(m.movedAndMerged(target));
        await refresh();
        await navigate({ to: "/vragen/$questionId", params: { questionId: result.toQuestionId } });
        return;
      }
      announce(m.moved(target));
      await refresh();
      props.focusAfter();
    },
  });

  const split = useMutation({
    mutationFn: (reason: string) =>
      api<Split>(`/questions/${props.questionId}/_split`, {
        method: "POST",
        body: { interactionIds: [props.interactionId], reason },
      }),
    onSuccess: async (result) => {
      setOpen(null);
      announce(m.split(result.reference));
      await refresh();
      props.focusAfter();
    },
  });

  const cancel = () => {
    const button = open === "move" ? moveButton : splitButton;
    setOpen(null);
    move.reset();
    split.reset();
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <div className="contact-actions">
      <div className="button-row">
        <button
          ref={moveButton}
          type="button"
          className="utrecht-button utrecht-button--subtle"
          aria-expanded={open === "move"}
          aria-controls={open === "move" ? `${id}-move` : undefined}
          onClick={() => setOpen(open === "move" ? null : "move")}
        >
          {m.moveAction}
        </button>
        {props.canSplit && (
          <button
            ref={splitButton}
            type="button"
            className="utrecht-button utrecht-button--subtle"
            aria-expanded={open === "split"}
            aria-controls={open === "split" ? `${id}-split` : undefined}
            onClick={() => setOpen(open === "split" ? null : "split")}
          >
            {m.splitAction}
          </button>
        )}
      </div>
      {open === "move" && (
        <div id={`${id}-move`}>
          <CorrectionPanel
            id={`${id}-move-panel`}
            title={m.moveTitle}
            help={m.moveOtherHelp}
            confirmLabel={m.moveConfirm}
            pending={move.isPending}
            error={move.isError ? problemText(move.error) : null}
            validate={() => (targetId || reference.trim() ? null : m.moveNeedsTarget)}
            onConfirm={(reason) => move.mutate(reason)}
            onCancel={cancel}
          >
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${id}-target`}>
                {m.moveChoose}
              </label>
              {props.otherQuestions.length === 0 ? (
                <p className="utrecht-paragraph">{m.moveChooseNone}</p>
              ) : (
                <select
                  id={`${id}-target`}
                  className="utrecht-select"
                  value={targetId}
                  onChange={(e) => setTargetId(e.target.value)}
                >
                  <option value="">{m.moveNoChoice}</option>
                  {props.otherQuestions.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.reference}
                      {q.topicId ? ` · ${topicName(q.topicId)}` : ""}
                    </option>
                  ))}
                </select>
              )}
            </div>
            {!targetId && (
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={`${id}-reference`}>
                  {m.moveOther}
                </label>
                <input
                  id={`${id}-reference`}
                  className="utrecht-textbox"
                  value={reference}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setReference(e.target.value)}
                />
              </div>
            )}
          </CorrectionPanel>
        </div>
      )}
      {open === "split" && (
        <div id={`${id}-split`}>
          <CorrectionPanel
            id={`${id}-split-panel`}
            title={m.splitTitle}
            help={m.splitHelp}
            confirmLabel={m.splitConfirm}
            pending={split.isPending}
            error={split.isError ? problemText(split.error) : null}
            onConfirm={(reason) => split.mutate(reason)}
            onCancel={cancel}
          >
            {null}
          </CorrectionPanel>
        </div>
      )}
    </div>
  );
}
