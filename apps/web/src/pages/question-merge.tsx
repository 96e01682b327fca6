import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ApiError, api } from "../api";
import { useMessages } from "../i18n";
import { announceAfterNavigation } from "./question-announcer";
import { CorrectionPanel } from "./question-correction-panel";
import type { ResidentQuestion } from "./question-resident-timeline";
import { useTopicName } from "./question-topics";
import { messages } from "./question-view-messages";

/** Merges this question into another question of the same resident, after a confirmation. */
export function QuestionMerge({ questionId, others }: { questionId: string; others: ResidentQuestion[] }) {
  const m = useMessages(messages);
  const topicName = useTopicName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const target = others.find((q) => q.id === targetId);
  const candidates = others.filter((q) => q.status !== "resolved");

  const merge = useMutation({
    mutationFn: (reason: string) =>
      api<{ questionId: string }>(`/questions/${targetId}/_merge`, {
        method: "POST",
        body: { mergedQuestionId: questionId, reason },
      }),
    onSuccess: async (result) => {
      setConfirming(false);
      announceAfterNavigation(m.merged(target?.reference ?? ""));
      await queryClient.invalidateQueries({ queryKey: ["question"] });
      await queryClient.invalidateQueries({ queryKey: ["resident-timeline"] });
      await navigate({ to: "/vragen/$questionId", params: { questionId: result.questionId } });
    },
  });

  return (
    <section aria-labelledby="merge-title" className="question-merge">
      <h2 id="merge-title" className="utrecht-heading-2">
        {m.mergeTitle}
      </h2>
      <p className="utrecht-paragraph">{m.mergeHelp}</p>
      {candidates.length === 0 ? (
        <p className="utrecht-paragraph">{m.moveChooseNone}</p>
      ) : (
        <div className="question-change-fields">
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="merge-target">
              {m.mergeChoose}
            </label>
            <select
              id="merge-target"
              className="utrecht-select"
              value={targetId}
              onChange={(e) => {
                setTargetId(e.target.value);
                setConfirming(false);
              }}
            >
              <option value="">{m.moveNoChoice}</option>
              {candidates.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.reference}
                  {q.topicId ? ` · ${topicName(q.topicId)}` : ""}
                </option>
              ))}
            </select>
          </div>
          <button
            ref={openButton}
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={!target}
            aria-expanded={confirming}
            onClick={() => setConfirming(true)}
          >
            {m.mergeAction}
          </button>
        </div>
      )}
      {confirming && target && (
        <CorrectionPanel
          id="merge-confirm"
          title={m.mergeConfirmTitle}
          help={m.mergeHelp}
          confirmLabel={m.mergeConfirm(target.reference)}
          pending={merge.isPending}
          error={
            merge.isError
              ? merge.error instanceof ApiError
                ? merge.error.problem.detail
                : String(merge.error)
              : null
          }
          onConfirm={(reason) => merge.mutate(reason)}
          onCancel={() => {
            setConfirming(false);
            merge.reset();
            requestAnimationFrame(() => openButton.current?.focus());
          }}
        />
      )}
    </section>
  );
}
