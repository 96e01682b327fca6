import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
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
  TextArea,
  TextField,
} from "react-aria-components";
import { ApiError, api } from "../api";
import { channelName, formatDateTime, useI18n, useMessages } from "../i18n";
import { ErrorSummary, useFocusOnMount } from "../layout";
import { useLiveUpdates } from "../live";
import { SignalEffectSection } from "./case-guidance-effect";
import { messages } from "./case-guidance-messages";
import { problemErrors } from "./login";

type WorklistSignal = {
  id: string;
  ruleId: string;
  ruleVersion: number;
  ruleDescription: string;
  explanation: string | null;
  status: "open" | "snoozed";
  detectedAt: string;
  score: { weight: number; ageDays: number; recency: number; points: number };
  evidence: {
    questions: { id: string; reference: string; topicId: string | null; status: string; openedAt: string }[];
    contacts: { id: string; questionId: string; channel: string; direction: string; occurredAt: string }[];
    tasks: { id: string; questionId: string; kind: string; status: string; dueAt: string | null }[];
    hiddenQuestions: number;
    details: Record<string, unknown>;
  };
  suggestedAction: { nl: string; en: string; needId: string | null };
};
type Worklist = {
  residents: { partyId: string; name: string | null; score: number; signals: WorklistSignal[] }[];
};
type Decision = { signal: WorklistSignal; resident: string; kind: "accept" | "dismiss" | "snooze" };

const WORKLIST_KEYS = [["signals"]] as const;

/**
 * The case guide's worklist (Casusregie): residents ranked by a transparent score, each signal with its
 * rule, version, score parts and evidence, and a suggested action; accept (an outreach task), dismiss
 * (with a reason) or snooze (until a date). Nothing is sent to a resident from here.
 */
export function CaseGuidancePage() {
  const m = useMessages(messages);
  const { t, language } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const navigate = useNavigate();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const worklist = useQuery({ queryKey: ["signals"], queryFn: () => api<Worklist>("/signals?limit=100") });
  useLiveUpdates(WORKLIST_KEYS);

  useEffect(() => {
    if (worklist.error instanceof ApiError && worklist.error.problem.status === 401) {
      void navigate({ to: "/inloggen" });
    }
  }, [worklist.error, navigate]);

  const number = (n: number) => new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB").format(n);
  const ruleName = (ruleId: string) => m.rules[ruleId] ?? ruleId;
  const residents = worklist.data?.residents ?? [];
  return (
    <div className="tasks-page">
      <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
        {m.title}
      </h1>
      <p className="utrecht-paragraph">{m.intro}</p>
      <p className="utrecht-paragraph">{m.scoreRule}</p>
      <div role="status" aria-live="polite">
        {done && (
          <p className="utrecht-alert utrecht-alert--ok" data-testid="signal-done">
            {done}
          </p>
        )}
      </div>
      {worklist.isPending && <p>{m.loading}</p>}
      {worklist.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h2 className="utrecht-heading-2">{m.error}</h2>
          <p className="utrecht-paragraph">
            {worklist.error instanceof ApiError ? worklist.error.problem.detail : String(worklist.error)}
          </p>
        </div>
      )}
      {worklist.isSuccess && residents.length === 0 && <p className="utrecht-paragraph">{m.empty}</p>}
      {residents.length > 0 && (
        <ol className="task-list" aria-label={m.list}>
          {residents.map((resident, index) => {
            const name = resident.name ?? m.unknownName(index + 1);
            const headingId = `resident-${resident.partyId}`;
            return (
              <li key={resident.partyId} className="task-item" data-testid="signal-resident">
                <section aria-labelledby={headingId}>
                  <h2 id={headingId} className="utrecht-heading-2">
                    {m.residentHeading(name, number(resident.score))}
                  </h2>
                  <ul className="resident-plain-list">
                    {resident.signals.map((signal) => (
                      <li key={signal.id} data-testid="signal" data-rule={signal.ruleId}>
                        <h3 className="utrecht-heading-3">
                          {ruleName(signal.ruleId)}{" "}
                          <small>({m.ruleVersion(signal.ruleId, signal.ruleVersion)})</small>
                        </h3>
                        <p className="task-meta">{signal.ruleDescription}</p>
                        <p className="task-text">{signal.explanation ?? m.explanationHidden}</p>
                        <p className="task-meta" data-testid="signal-score">
                          {m.scoreParts(
                            number(signal.score.weight),
                            number(signal.score.recency),
                            number(signal.score.points),
                            signal.score.ageDays,
                          )}
                        </p>
                        <h4 className="utrecht-heading-4">{m.evidence}</h4>
                        <ul className="resident-plain-list">
                          {signal.evidence.questions.map((q) => {
                            const contacts = signal.evidence.contacts.filter((c) => c.questionId === q.id);
                            const tasks = signal.evidence.tasks.filter((x) => x.questionId === q.id);
                            return (
                              <li key={q.id}>
                                <Link
                                  to="/vragen/$questionId"
                                  params={{ questionId: q.id }}
                                  className="utrecht-link"
                                >
                                  {t.questionLink(q.reference)}
                                </Link>{" "}
                                · {q.topicId ?? t.unknownTopic} · {t.statuses[q.status] ?? q.status}
                                {contacts.length > 0 && ` · ${m.contacts(contacts.length)}`}
                                {tasks.length > 0 && ` · ${m.tasks(tasks.length)}`}
                                {contacts.length > 0 && (
                                  <ul className="resident-plain-list">
                                    {contacts.map((c) => (
                                      <li key={c.id}>
                                        {m.contact(
                                          channelName(t, c.channel),
                                          c.direction,
                                          formatDateTime(language, c.occurredAt),
                                        )}
                                      </li>
                                    ))}
                                  </ul>
                                )}
                              </li>
                            );
                          })}
                          {signal.evidence.hiddenQuestions > 0 && (
                            <li>{m.hiddenQuestions(signal.evidence.hiddenQuestions)}</li>
                          )}
                        </ul>
                        <p className="task-meta">
                          <strong>{m.suggestion}:</strong>{" "}
                          {language === "en" ? signal.suggestedAction.en : signal.suggestedAction.nl}
                        </p>
                        <div className="button-row">
                          {(
                            [
                              ["accept", m.accept, "utrecht-button--primary-action"],
                              ["dismiss", m.dismiss, "utrecht-button--secondary-action"],
                              ["snooze", m.snooze, "utrecht-button--secondary-action"],
                            ] as const
                          ).map(([kind, label, style]) => (
                            <Button
                              key={kind}
                              className={`utrecht-button ${style}`}
                              aria-label={m.actionLabel(label, ruleName(signal.ruleId), name)}
                              onPress={() => {
                                setDone(null);
                                setDeciding({ signal, resident: name, kind });
                              }}
                            >
                              {label}
                            </Button>
                          ))}
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
              </li>
            );
          })}
        </ol>
      )}
      <SignalEffectSection />
      <ModalOverlay
        isOpen={deciding !== null}
        onOpenChange={(open) => {
          if (!open) setDeciding(null);
        }}
        isDismissable
        className="modal-overlay"
      >
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {deciding && (
              <DecisionForm
                decision={deciding}
                onDone={(message) => {
                  setDeciding(null);
                  setDone(message);
                  // The signal left the list, so its button is gone: focus goes back to the heading.
                  setTimeout(() => heading.current?.focus(), 0);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}

function DecisionForm({ decision, onDone }: { decision: Decision; onDone: (message: string) => void }) {
  const m = useMessages(messages);
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { signal, resident, kind } = decision;
  const rule = m.rules[signal.ruleId] ?? signal.ruleId;

  const decide = useMutation({
    mutationFn: (body: Record<string, string>) =>
      api<{ channel?: string | null; until?: string }>(`/signals/${signal.id}/_${kind}`, {
        method: "POST",
        body,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ["signals"] });
      onDone(
        kind === "accept"
          ? m.accepted(rule, result.channel ? channelName(t, result.channel) : null)
          : kind === "dismiss"
            ? m.dismissed(rule)
            : m.snoozed(
                rule,
                new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long" }).format(
                  new Date(result.until ?? Date.now()),
                ),
              ),
      );
    },
    onError: (error) => {
      setErrors(problemErrors(error, { reason: "signal-reason", until: "signal-until" }));
      setAttempt((n) => n + 1);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    if (kind === "accept") return decide.mutate(value("note") ? { note: value("note") } : {});
    if (kind === "dismiss") {
      if (!value("reason")) {
        setErrors([{ field: "signal-reason", message: t.required(m.reasonField) }]);
        setAttempt((n) => n + 1);
        return;
      }
      return decide.mutate({ reason: value("reason") });
    }
    if (!value("until")) {
      setErrors([{ field: "signal-until", message: t.required(m.untilField) }]);
      setAttempt((n) => n + 1);
      return;
    }
    decide.mutate({ until: value("until") });
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const title =
    kind === "accept"
      ? m.acceptTitle(rule, resident)
      : kind === "dismiss"
        ? m.dismissTitle(rule, resident)
        : m.snoozeTitle(rule, resident);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <Heading slot="title" className="utrecht-heading-2">
        {title}
      </Heading>
      {kind === "accept" && <p className="utrecht-paragraph">{m.acceptHelp}</p>}
      {errors.length > 0 && <ErrorSummary key={attempt} title={t.errorSummary} errors={errors} />}
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form">
        {kind === "accept" && (
          <TextField name="note" className="utrecht-form-field" autoFocus>
            <Label className="utrecht-form-label">{m.note}</Label>
            <TextArea id="signal-note" rows={3} maxLength={2000} className="utrecht-textarea" />
          </TextField>
        )}
        {kind === "dismiss" && (
          <TextField
            name="reason"
            isRequired
            isInvalid={!!errorFor("signal-reason")}
            className="utrecht-form-field"
            autoFocus
          >
            <Label className="utrecht-form-label">{m.reason}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {m.reasonHelp}
            </Text>
            <TextArea id="signal-reason" rows={3} maxLength={1000} className="utrecht-textarea" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("signal-reason")}</FieldError>
          </TextField>
        )}
        {kind === "snooze" && (
          <TextField
            name="until"
            isRequired
            isInvalid={!!errorFor("signal-until")}
            className="utrecht-form-field"
            defaultValue={new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)}
            autoFocus
          >
            <Label className="utrecht-form-label">{m.until}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {m.untilHelp}
            </Text>
            <Input id="signal-until" type="date" min={tomorrow} className="utrecht-textbox" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("signal-until")}</FieldError>
          </TextField>
        )}
        <div className="button-row">
          <Button
            type="submit"
            isDisabled={decide.isPending}
            className="utrecht-button utrecht-button--primary-action"
          >
            {decide.isPending
              ? m.busy
              : kind === "accept"
                ? m.makeTask
                : kind === "dismiss"
                  ? m.dismiss
                  : m.snooze}
          </Button>
          <Button slot="close" className="utrecht-button utrecht-button--secondary-action">
            {t.cancel}
          </Button>
        </div>
      </Form>
    </>
  );
}
