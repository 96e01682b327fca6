import type { TaskKind, TaskStatus } from "@omniloket/db/schema";
import { asDate } from "../../platform/sql";

/** A task as the API shows it. `overdue`: still open after its due time, a promise not yet kept. */
export type TaskView = {
  id: string;
  questionId: string;
  questionReference: string;
  kind: TaskKind;
  status: TaskStatus;
  teamId: string | null;
  assigneeEmployeeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  contactChannel: string | null;
  contactAddress: string | null;
  description: string;
  outcome: string | null;
  createdAt: string;
  completedAt: string | null;
};

type Time = Date | string | null;
const iso = (value: Time) => (value === null ? null : asDate(value).toISOString());

export function toTaskView(
  task: {
    id: string;
    questionId: string;
    kind: TaskKind;
    status: TaskStatus;
    teamId: string | null;
    assigneeEmployeeId: string | null;
    dueAt: Time;
    contactChannel: string | null;
    contactAddress: string | null;
    description: string;
    outcome: string | null;
    createdAt: Date | string;
    completedAt: Time;
  },
  questionReference: string,
  now: Date,
): TaskView {
  const dueAt = iso(task.dueAt);
  return {
    id: task.id,
    questionId: task.questionId,
    questionReference,
    kind: task.kind,
    status: task.status,
    teamId: task.teamId,
    assigneeEmployeeId: task.assigneeEmployeeId,
    dueAt,
    overdue: task.status === "open" && dueAt !== null && new Date(dueAt).getTime() < now.getTime(),
    contactChannel: task.contactChannel,
    contactAddress: task.contactAddress,
    description: task.description,
    outcome: task.outcome,
    createdAt: iso(task.createdAt) as string,
    completedAt: iso(task.completedAt),
  };
}
