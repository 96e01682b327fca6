import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  Button,
  FieldError,
  Form,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";
import { api, type QuestionTask, type Task } from "../api";
import { formatDateTime, useI18n } from "../i18n";
import { ErrorSummary } from "../layout";
import { DueBadge } from "./inbox";
import { problemErrors } from "./login";

/** Due badge of a task: time left or overdue while open (a promise to a resident), else when it was done. */
export function TaskDue({ task, now }: { task: QuestionTask; now: number }) {
  const { t, language } = useI18n();
  if (task.status === "done" && task.completedAt)
    return (
      <span className="due-badge due-badge--done">
        {t.completedOn(formatDateTime(language, task.completedAt))}
      </span>
    );
  if (task.status !== "open")
    return <span className="due-badge">{t.taskStatuses[task.status] ?? task.status}</span>;
  return <DueBadge dueAt={task.dueAt} now={now} />;
}

function isOverdue(task: QuestionTask, now: number) {
  return task.status === "open" && task.dueAt !== null && new Date(task.dueAt).getTime() < now;
}

export function QuestionTasks({ questionId, tasks }: { questionId: string; tasks: QuestionTask[] }) {
  const { t } = useI18n();
  const [now] = useState(() => Date.now());
  return (
    <section aria-labelledby="tasks-title" className="tasks">
      <h2 id="tasks-title" className="utrecht-heading-2">
        {t.tasksOnQuestion}
      </h2>
      {tasks.length === 0 ? (
        <p className="utrecht-paragraph">{t.noTasks}</p>
      ) : (
        <ul className="task-list" aria-labelledby="tasks-title">
          {tasks.map((task) => (
            <li
              key={task.id}
              className={`task-item${isOverdue(task, now) ? " task-item--overdue" : ""}`}
              data-testid="question-task"
            >
              <p className="task-meta">
                <strong>{t.kinds[task.kind] ?? task.kind}</strong> ·{" "}
                <span>{t.taskStatuses[task.status] ?? task.status}</span> · <TaskDue task={task} now={now} />
              </p>
              <p className="task-text">{task.description}</p>
              {task.outcome && (
                <p className="task-outcome">
                  <strong>{t.outcome}:</strong> {task.outcome}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <CreateTask questionId={questionId} />
    </section>
  );
}

function CreateTask({ questionId }: { questionId: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>("callback");
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<Task | null>(null);
  const [formKey, setFormKey] = useState(0);
  const callback = kind === "callback";

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Task>(`/questions/${questionId}/tasks`, { method: "POST", body }),
    onSuccess: async (task) => {
      setErrors([]);
      setCreated(task);
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: ["question", questionId] });
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
    },
    onError: (error) => {
      setErrors(
        problemErrors(error, {
          description: "task-description",
          contactAddress: "task-contact",
          dueAt: "task-due",
          kind: "task-kind",
        }),
      );
      setAttempt((n) => n + 1);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const description = String(data.get("description") ?? "").trim();
    const contactAddress = String(data.get("contactAddress") ?? "").trim();
    const due = String(data.get("dueAt") ?? "").trim();
    if (!description) {
      setErrors([{ field: "task-description", message: t.required(t.taskDescription.toLowerCase()) }]);
      setAttempt((n) => n + 1);
      return;
    }
    const dueDate = due ? new Date(due) : null;
    if (dueDate && Number.isNaN(dueDate.getTime())) {
      setErrors([{ field: "task-due", message: t.required(t.taskDue.toLowerCase()) }]);
      setAttempt((n) => n + 1);
      return;
    }
    setCreated(null);
    create.mutate({
      kind,
      description,
      ...(callback && contactAddress ? { contactAddress } : {}),
      ...(dueDate ? { dueAt: dueDate.toISOString() } : {}),
    });
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <div className="create-task">
      <h3 id="create-task-title" className="utrecht-heading-3">
        {t.createTaskTitle}
      </h3>
      <div role="status" aria-live="polite">
        {created && (
          <p className="utrecht-alert utrecht-alert--ok" data-testid="task-created">
            {t.taskCreated(
              t.kinds[created.kind] ?? created.kind,
              created.dueAt ? formatDateTime(language, created.dueAt) : t.noDue,
            )}
            {created.contactAddress ? t.taskCreatedCall(created.contactAddress) : ""}
          </p>
        )}
      </div>
      {errors.length > 0 && <ErrorSummary key={attempt} title={t.errorSummary} errors={errors} />}
      <Form
        key={formKey}
        onSubmit={submit}
        validationBehavior="aria"
        className="werkplek-form"
        aria-labelledby="create-task-title"
      >
        <RadioGroup
          value={kind}
          onChange={setKind}
          className="utrecht-form-fieldset radio-group"
          id="task-kind"
        >
          <Label className="utrecht-form-label">{t.taskKind}</Label>
          {["callback", "back-office"].map((k) => (
            <Radio key={k} value={k} className="radio">
              {t.kinds[k]}
            </Radio>
          ))}
        </RadioGroup>
        <TextField
          name="description"
          isRequired
          isInvalid={!!errorFor("task-description")}
          className="utrecht-form-field"
        >
          <Label className="utrecht-form-label">{t.taskDescription}</Label>
          <TextArea id="task-description" rows={3} className="utrecht-textarea" />
          <FieldError className="utrecht-form-field-error-message">{errorFor("task-description")}</FieldError>
        </TextField>
        {callback && (
          <TextField
            name="contactAddress"
            type="tel"
            autoComplete="off"
            isInvalid={!!errorFor("task-contact")}
            className="utrecht-form-field"
          >
            <Label className="utrecht-form-label">{t.contactAddress}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {t.contactAddressHelp}
            </Text>
            <Input id="task-contact" className="utrecht-textbox" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("task-contact")}</FieldError>
          </TextField>
        )}
        <TextField
          name="dueAt"
          type="datetime-local"
          isInvalid={!!errorFor("task-due")}
          className="utrecht-form-field"
        >
          <Label className="utrecht-form-label">{t.taskDue}</Label>
          <Text slot="description" className="utrecht-form-field-description">
            {callback ? t.taskDueHelpCallback : t.taskDueHelpBackOffice}
          </Text>
          <Input id="task-due" className="utrecht-textbox" />
          <FieldError className="utrecht-form-field-error-message">{errorFor("task-due")}</FieldError>
        </TextField>
        <Button
          type="submit"
          isDisabled={create.isPending}
          className="utrecht-button utrecht-button--primary-action"
        >
          {create.isPending ? t.creatingTask : t.createTask}
        </Button>
      </Form>
    </div>
  );
}
