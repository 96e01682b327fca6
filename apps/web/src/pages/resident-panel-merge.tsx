import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import {
  Button,
  Dialog,
  FieldError,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  Text,
  TextField,
} from "react-aria-components";
import { ApiError, api } from "../api";
import { formatDateTime, useI18n, useMessages } from "../i18n";
import { messages, type ResidentPanelMessages } from "./resident-panel-messages";
import type { MergeSuggestion, ResidentProfile, UndoableMerge } from "./resident-panel-types";

const MERGE_ROLES = ["agent", "back-office", "admin", "privacy-officer"];

type Pending =
  | { action: "merge"; suggestion: MergeSuggestion; name: string }
  | { action: "undo"; merge: UndoableMerge; name: string };

/** Which party survives: a verified person always does (a join), otherwise the resident of this question. */
function mergeBody(profile: ResidentProfile, suggestion: MergeSuggestion, reason: string) {
  const hereVerified = profile.identityLevel === "verified";
  const thereVerified = suggestion.identityLevel === "verified";
  const kind = hereVerified !== thereVerified ? "join-verified" : "merge";
  return thereVerified && !hereVerified
    ? { kind, survivingPartyId: suggestion.partyId, mergedPartyId: profile.id, reason }
    : { kind, survivingPartyId: profile.id, mergedPartyId: suggestion.partyId, reason };
}

/** Undoable merges, and parties that may be the same person with the reasons, each to merge after a confirmation. */
export function ResidentMerges({ profile }: { profile: ResidentProfile }) {
  const m = useMessages(messages);
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const roles = useQuery({
    queryKey: ["session", "roles"],
    queryFn: () => api<{ roles: string[] }>("/sessions/current"),
  }).data?.roles;
  const mayMerge = (roles ?? []).some((r) => MERGE_ROLES.includes(r));
  const suggestions = useQuery({
    queryKey: ["resident", profile.id, "merge-suggestions"],
    queryFn: () => api<{ items: MergeSuggestion[] }>(`/residents/${profile.id}/merge-suggestions`),
    enabled: mayMerge && profile.mergedIntoId === null,
  });

  const done = async (message: string) => {
    setPending(null);
    setStatus(message);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["resident"] }),
      queryClient.invalidateQueries({ queryKey: ["question"] }),
    ]);
    // The button that opened the dialog is gone; focus goes to the section, where the status is read.
    requestAnimationFrame(() => heading.current?.focus());
  };

  const nameOf = (name: string | null) => name ?? m.unknownName;
  const items = suggestions.data?.items ?? [];
  return (
    <section aria-labelledby="resident-merge-title" className="resident-section resident-merges">
      <h3 id="resident-merge-title" ref={heading} tabIndex={-1} className="utrecht-heading-3">
        {m.mergeTitle}
      </h3>
      <div role="status" aria-live="polite" data-testid="resident-merge-status">
        {status && <p className="utrecht-alert utrecht-alert--ok">{status}</p>}
      </div>
      {profile.merges.length > 0 && (
        <ul className="resident-plain-list" aria-label={m.mergesDone}>
          {profile.merges.map((merge) => {
            const name = nameOf(merge.otherDisplayName);
            return (
              <li key={merge.mergeId} data-testid="resident-merge">
                {merge.role === "absorbed" ? m.absorbed(name) : m.mergedIntoOther(name)} (
                {formatDateTime(language, merge.mergedAt)})
                <br />
                {m.mergeReason(merge.reason)}
                {mayMerge && (
                  <Button
                    className="utrecht-button utrecht-button--secondary-action resident-action"
                    onPress={() => setPending({ action: "undo", merge, name })}
                  >
                    {m.undo}
                    <span className="visually-hidden"> {m.mergeWith(name)}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {mayMerge && profile.mergedIntoId === null && (
        <>
          <h4 className="utrecht-heading-4">{m.suggestionsTitle}</h4>
          {suggestions.isError && (
            <p className="utrecht-paragraph" role="alert">
              {suggestions.error instanceof ApiError
                ? suggestions.error.problem.detail
                : String(suggestions.error)}
            </p>
          )}
          {suggestions.isSuccess && items.length === 0 && (
            <p className="utrecht-paragraph">{m.noSuggestions}</p>
          )}
          <ul className="resident-plain-list">
            {items.map((s) => {
              const name = nameOf(s.displayName);
              return (
                <li key={s.partyId} data-testid="merge-suggestion">
                  <strong>{name}</strong> · {m.identityLevels[s.identityLevel] ?? s.identityLevel}
                  <br />
                  {m.why}: {s.reasons.map((r) => m.reasons[r] ?? r).join(", ")}
                  <Button
                    className="utrecht-button utrecht-button--secondary-action resident-action"
                    onPress={() => setPending({ action: "merge", suggestion: s, name })}
                  >
                    {m.merge}
                    <span className="visually-hidden"> {m.mergeWith(name)}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <ModalOverlay
        isOpen={pending !== null}
        onOpenChange={(open) => {
          if (!open) setPending(null);
        }}
        isDismissable
        className="modal-overlay"
      >
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {pending && (
              <ConfirmMerge
                m={m}
                pending={pending}
                profile={profile}
                onCancel={() => setPending(null)}
                onDone={done}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}

function ConfirmMerge(props: {
  m: ResidentPanelMessages;
  pending: Pending;
  profile: ResidentProfile;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { m, pending, profile } = props;
  const [invalid, setInvalid] = useState(false);
  const here = profile.displayName ?? m.thisResident;
  const mutation = useMutation({
    mutationFn: (reason: string) =>
      pending.action === "merge"
        ? api("/party-merges", { method: "POST", body: mergeBody(profile, pending.suggestion, reason) })
        : api(`/party-merges/${pending.merge.mergeId}/_undo`, { method: "POST", body: { reason } }),
    onSuccess: () =>
      props.onDone(pending.action === "merge" ? m.merged(pending.name) : m.undone(pending.name)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    setInvalid(reason.length < 3);
    if (reason.length >= 3) mutation.mutate(reason);
  };
  const merging = pending.action === "merge";
  const hereSurvives = !merging || mergeBody(profile, pending.suggestion, "").survivingPartyId === profile.id;
  const explanation = !merging
    ? m.confirmUndoText
    : hereSurvives
      ? m.confirmMergeText(pending.name, here)
      : m.confirmMergeText(here, pending.name);
  return (
    <>
      <Heading slot="title" className="utrecht-heading-2">
        {merging ? m.confirmMergeTitle(pending.name) : m.confirmUndoTitle(pending.name)}
      </Heading>
      <p className="utrecht-paragraph">{explanation}</p>
      {mutation.isError && (
        <div className="utrecht-alert utrecht-alert--error calm-error" role="alert">
          <p className="utrecht-paragraph">
            <strong>{mutation.error instanceof ApiError ? mutation.error.problem.title : m.error}</strong>
            <br />
            {mutation.error instanceof ApiError ? mutation.error.problem.detail : String(mutation.error)}
          </p>
        </div>
      )}
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form">
        <TextField name="reason" isRequired isInvalid={invalid} className="utrecht-form-field" autoFocus>
          <Label className="utrecht-form-label">{m.reasonLabel}</Label>
          <Text slot="description" className="utrecht-form-field-description">
            {m.reasonHelp}
          </Text>
          <Input id="merge-reason" className="utrecht-textbox" />
          <FieldError className="utrecht-form-field-error-message">{m.reasonRequired}</FieldError>
        </TextField>
        <div className="button-row">
          <Button
            type="submit"
            isDisabled={mutation.isPending}
            className="utrecht-button utrecht-button--primary-action"
          >
            {mutation.isPending ? m.busy : merging ? m.confirmMerge : m.confirmUndo}
          </Button>
          <Button className="utrecht-button utrecht-button--secondary-action" onPress={props.onCancel}>
            {m.cancel}
          </Button>
        </div>
      </Form>
    </>
  );
}
