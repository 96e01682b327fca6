import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  FieldError,
  Form,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";
import { ApiError, api, type CompletedTask, type Task, type TaskPage } from "../api";
import { channelName, useI18n } from "../i18n";
import { ErrorSummary, useFocusOnMount } from "../layout";
import { useLiveUpdates } from "../live";
import { problemErrors } from "./login";
import { TaskDue } from "./question-tasks";

const TASK_KEYS = [["tasks"]] as const;

/** The back office's open tasks, overdue first (the server's order); each can be completed in a dialog. */
export function TasksPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const navigate = useNavigate();
  const [now] = useState(() => Date.now());
  const [completing, setCompleting] = useState<Task | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const tasks = useQuery({
    queryKey: ["tasks", "open"],
    queryFn: () => api<TaskPage>("/tasks?status=open&limit=100"),
  });
  useLiveUpdates(TASK_KEYS);

  useEffect(() => {
    if (tasks.error instanceof ApiError && tasks.error.problem.status === 401) {
      void navigate({ to: "/inloggen" });
    }
  }, [tasks.error, navigate]);

  const items = tasks.data?.items ?? [];
  return (
    <div className="tasks-page">
      <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
        {t.tasksTitle}
      </h1>
      <p className="utrecht-paragraph">{t.tasksIntro}</p>
      <div role="status" aria-live="polite">
        {done && <p className="utrecht-alert utrecht-alert--ok">{done}</p>}
      </div>
      {tasks.isPending && <p>{t.loading}</p>}
      {tasks.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h2 className="utrecht-heading-2">{t.tasksError}</h2>
          <p className="utrecht-paragraph">
            {tasks.error instanceof ApiError ? tasks.error.problem.detail : String(tasks.error)}
          </p>
        </div>
      )}
      {tasks.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{t.noOpenTasks}</p>}
      {items.length > 0 && (
        <ul className="task-list" aria-label={t.tasksTitle}>
          {items.map((task) => (
            <li
              key={task.id}
              className={`task-item${task.overdue ? " task-item--overdue" : ""}`}
              data-testid="open-task"
            >
              <div className="task-row">
                <div>
                  <p className="task-meta">
                    <Link
                      to="/vragen/$questionId"
                      params={{ questionId: task.questionId }}
                      className="utrecht-link inbox-ref"
                    >
                      {t.questionLink(task.questionReference)}
                    </Link>{" "}
                    · <strong>{t.kinds[task.kind] ?? task.kind}</strong> · <TaskDue task={task} now={now} />
                  </p>
                  <p className="task-text">{task.description}</p>
                  {task.contactAddress && (
                    <p className="task-contact">
                      {task.contactChannel === "phone" || !task.contactChannel
                        ? t.callAt(task.contactAddress)
                        : `${channelName(t, task.contactChannel)}: ${task.contactAddress}`}
                    </p>
                  )}
                </div>
                <Button
                  className="utrecht-button utrecht-button--secondary-action"
                  aria-label={`${t.complete}: ${t.questionLink(task.questionReference)}`}
                  onPress={() => {
                    setDone(null);
                    setCompleting(task);
                  }}
                >
                  {t.complete}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ModalOverlay
        isOpen={completing !== null}
        onOpenChange={(open) => {
          if (!open) setCompleting(null);
        }}
        isDismissable
        className="modal-overlay"
      >
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {completing && (
              <CompleteTaskForm
                task={completing}
                onDone={(message) => {
                  setCompleting(null);
                  setDone(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}

function CompleteTaskForm({ task, onDone }: { task: Task; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);

  const complete = useMutation({
    mutationFn: (body: { outcome: string; notifyResident: boolean; message?: string }) =>
      api<CompletedTask>(`/tasks/${task.id}/_complete`, { method: "POST", body }),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["tasks"] }),
        queryClient.invalidateQueries({ queryKey: ["question", task.questionId] }),
      ]);
      onDone(
        result.reply
          ? t.completedNotified(task.questionReference, channelName(t, result.reply.channel))
          : t.completedSilent(task.questionReference),
      );
    },
    onError: (error) => {
      setErrors(problemErrors(error, { outcome: "task-outcome", message: "task-message" }));
      setAttempt((n) => n + 1);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const outcome = String(data.get("outcome") ?? "").trim();
    const message = String(data.get("message") ?? "").trim();
    if (!outcome) {
      setErrors([{ field: "task-outcome", message: t.required(t.outcome.toLowerCase()) }]);
      setAttempt((n) => n + 1);
      return;
    }
    complete.mutate({ outcome, notifyResident: notify, ...(notify && message ? { message } : {}) });
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <>
      <Heading slot="title" className="utrecht-heading-2">
        {t.completeTitle(task.questionReference)}
      </Heading>
      <p className="utrecht-paragraph">{task.description}</p>
      {errors.length > 0 && <ErrorSummary key={attempt} title={t.errorSummary} errors={errors} />}
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form">
        <TextField
          name="outcome"
          isRequired
          isInvalid={!!errorFor("task-outcome")}
          className="utrecht-form-field"
          autoFocus
        >
          <Label className="utrecht-form-label">{t.outcome}</Label>
          <Text slot="description" className="utrecht-form-field-description">
            {t.outcomeHelp}
          </Text>
          <TextArea id="task-outcome" rows={3} className="utrecht-textarea" />
          <FieldError className="utrecht-form-field-error-message">{errorFor("task-outcome")}</FieldError>
        </TextField>
        <Checkbox isSelected={notify} onChange={setNotify} className="checkbox">
          {t.notifyResident}
        </Checkbox>
        {notify && (
          <TextField name="message" isInvalid={!!errorFor("task-message")} className="utrecht-form-field">
            <Label className="utrecht-form-label">{t.residentMessage}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {t.residentMessageHelp}
            </Text>
            <TextArea id="task-message" rows={3} className="utrecht-textarea" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("task-message")}</FieldError>
          </TextField>
        )}
        <div className="button-row">
          <Button
            type="submit"
            isDisabled={complete.isPending}
            className="utrecht-button utrecht-button--primary-action"
          >
            {complete.isPending ? t.completing : t.complete}
          </Button>
          <Button slot="close" className="utrecht-button utrecht-button--secondary-action">
            {t.cancel}
          </Button>
        </div>
      </Form>
    </>
  );
}
