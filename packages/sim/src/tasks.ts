import { computeDueAt, defaultCallbackNorms, defaultServiceNorms } from "@omniloket/domain";
import { answerKind, followUpEmployee, reachOf, recordOutbound, resolve } from "./answers";
import { addWorkingDays, DAY, HOUR, nextOfficeMoment } from "./clock";
import { answerChannel, reachedByCallback, slownessOf, taskFate } from "./municipality";
import { between, chance, int, logNormal, seededUuid } from "./random";
import { completeTask, type Run, schedule } from "./run-state";
import { composeCallbackNote } from "./texts/notes";
import { topicText, variantOf } from "./texts/topic-texts";
import type { GeneratedInteraction, GeneratedTask } from "./types";
import { handlerFor, setStatus, speakerOf, type Thread } from "./world";

/** A callback request or back-office task, and when (if ever) it gets done. */
export function createTask(
  run: Run,
  thread: Thread,
  cause: GeneratedInteraction,
  kind: "callback" | "back-office",
): GeneratedTask {
  const { world, c } = run;
  const rng = world.rng;
  const at = cause.occurredAt.getTime();
  const reach = reachOf(run, thread);
  const callback = kind === "callback" && reach.phone !== null;
  const norms = callback ? defaultCallbackNorms : defaultServiceNorms;
  const due = computeDueAt(
    cause.occurredAt,
    norms,
    thread.handlingTopicId,
    callback ? "phone" : thread.channel,
  );
  const dueAt = due ? due.dueAt : new Date(addWorkingDays(world.calendar, at, callback ? 1 : 5));
  const answerVia = callback
    ? "phone"
    : answerChannel(rng, thread.channel, reach.email !== null, reach.phone !== null);
  const note = variantOf(topicText(c.topicId).note, c.variant);
  const task: GeneratedTask = {
    id: seededUuid(rng),
    questionId: thread.id,
    causeInteractionId: cause.id,
    kind: callback ? "callback" : "back-office",
    status: "open",
    teamId: thread.team.id,
    assigneeEmployeeId: chance(rng, 0.7) ? handlerFor(world, thread).id : null,
    dueAt,
    contactChannel: answerVia,
    contactAddress:
      answerVia === "phone" || answerVia === "sms" || answerVia === "whatsapp"
        ? reach.phone
        : answerVia === "email"
          ? reach.email
          : null,
    description: callback
      ? `Terugbelverzoek: ${note}. Graag terugbellen${c.actor.daytimeAvailability < 0.5 ? " (liefst tussen 12:00 en 13:00)" : ""}.`
      : `Vraag afhandelen: ${note}. Antwoord via ${answerVia}.`,
    outcome: null,
    createdAt: cause.occurredAt,
    completedAt: null,
  };
  world.tasks.push(task);
  run.tasks.push(task);
  run.promisedUntil = Math.max(run.promisedUntil, dueAt.getTime() + DAY);
  setStatus(thread, at, "waiting-on-municipality");
  const fate = taskFate(rng, task.kind, slownessOf(thread.team.name, at));
  if (fate === "never" && task.kind === "callback") run.reasons.add("broken-callback");
  if (fate === "never") return task;
  const doneAt =
    fate === "on-time"
      ? at + between(rng, 0.15, 1) * Math.max(HOUR, dueAt.getTime() - at)
      : addWorkingDays(world.calendar, dueAt.getTime(), logNormal(rng, 2, 0.7));
  const when = nextOfficeMoment(world.calendar, doneAt, int(rng, 0, 400));
  if (task.kind === "callback" || answerVia === "phone")
    schedule(run, { type: "callback", at: when, thread, task, attempt: 1 });
  else
    schedule(run, {
      type: "answer",
      at: when,
      thread,
      channel: answerVia,
      kind: answerKind(run, thread.channel),
      task,
      inReplyTo: null,
    });
  return task;
}

export function handleCallback(run: Run, event: Extract<Run["queue"][number], { type: "callback" }>): void {
  const { world, c } = run;
  const { thread, task } = event;
  const employee = followUpEmployee(run, event);
  if (!employee) return;
  const reached = reachedByCallback(world.rng, c.actor.daytimeAvailability);
  const speaker = speakerOf(c.actor);
  const text = composeCallbackNote(world.rng, {
    reached,
    topicId: c.topicId,
    variant: c.variant,
    attempt: event.attempt,
    street: speaker.street,
    houseNumber: speaker.houseNumber,
  });
  recordOutbound(run, thread, "phone", event.at, employee, { subject: "Terugbelverzoek", text }, null);
  if (reached) {
    if (task) completeTask(task, event.at, "Teruggebeld, vraag beantwoord.");
    thread.referenceKnown ||= chance(world.rng, 0.5);
    resolve(run, thread, event.at, true);
    return;
  }
  if (event.attempt === 1 && chance(world.rng, 0.45)) {
    const next = nextOfficeMoment(
      world.calendar,
      addWorkingDays(world.calendar, event.at, 1),
      int(world.rng, 0, 450),
    );
    schedule(run, { type: "callback", at: next, thread, task, attempt: 2 });
    return;
  }
  run.reasons.add("broken-callback");
  if (task) completeTask(task, event.at, "Niet bereikt.");
}
