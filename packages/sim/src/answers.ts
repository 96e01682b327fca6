import { firstChannel } from "./behaviour";
import { addWorkingDays, DAY, nextOfficeMoment } from "./clock";
import { answerChannel, asksForInformation, reopens, slownessOf, writtenReplyDelay } from "./municipality";
import { between, chance, int, logNormal, type Rng, seededUuid } from "./random";
import { type AnswerKind, completeTask, type Run, schedule } from "./run-state";
import { composeOutbound } from "./texts/outbound";
import type { GeneratedEmployee, GeneratedInteraction, GeneratedTask, SimChannel } from "./types";
import { handlerFor, newExternalId, refToken, setStatus, speakerOf, statusAt, type Thread } from "./world";

/**
 * The addresses the municipality can answer on: the actor's known addresses once a contact in this
 * question identified them; none for a question only anonymous contacts reached (a letter then goes to
 * the postal address the contact gave).
 */
export function reachOf(run: Run, thread: Thread): { email: string | null; phone: string | null } {
  const actor = run.c.actor;
  return thread.reachable ? { email: actor.email, phone: actor.phone } : { email: null, phone: null };
}

/** A written answer some working days from now, or nothing when the message falls through the cracks. */
export function scheduleWrittenAnswer(
  run: Run,
  thread: Thread,
  at: number,
  incoming: SimChannel,
  inReplyTo: string | null,
): void {
  const { world, c } = run;
  const delay = writtenReplyDelay(world.rng, incoming, c.complexity, slownessOf(thread.team.name, at));
  if (delay === null) return;
  const when = nextOfficeMoment(
    world.calendar,
    addWorkingDays(world.calendar, at, delay),
    int(world.rng, 0, 420),
  );
  const reach = reachOf(run, thread);
  const channel = answerChannel(world.rng, incoming, reach.email !== null, reach.phone !== null);
  if (channel === "phone") {
    schedule(run, { type: "callback", at: when, thread, task: null, attempt: 1 });
    return;
  }
  schedule(run, {
    type: "answer",
    at: when,
    thread,
    channel,
    kind: answerKind(run, incoming),
    task: null,
    inReplyTo,
  });
}

const reportTopics = new Set(["afval", "openbare-ruimte", "overlast"]);

export function answerKind(run: Run, incoming: SimChannel): AnswerKind {
  const { world, c } = run;
  if (asksForInformation(world.rng, c.complexity)) return "ask-info";
  const report = reportTopics.has(c.topicId) && incoming !== "email" && incoming !== "letter";
  return report && chance(world.rng, 0.6) ? "closed" : "answer";
}

export function recordOutbound(
  run: Run,
  thread: Thread,
  channel: SimChannel,
  at: number,
  employee: GeneratedEmployee,
  text: { subject: string | null; text: string },
  inReplyTo: string | null,
): GeneratedInteraction {
  const { world, c } = run;
  const externalId = newExternalId(world, channel);
  const failed =
    (channel === "email" || channel === "sms" || channel === "whatsapp") && chance(world.rng, 0.02);
  const reach = reachOf(run, thread);
  const address =
    channel === "email" && reach.email
      ? { kind: "email" as const, value: reach.email }
      : (channel === "phone" || channel === "sms") && reach.phone
        ? { kind: "phone" as const, value: reach.phone }
        : channel === "whatsapp" && reach.phone
          ? { kind: "whatsapp" as const, value: reach.phone }
          : null;
  const interaction: GeneratedInteraction = {
    id: seededUuid(world.rng),
    questionId: thread.id,
    channel,
    direction: "outbound",
    occurredAt: new Date(at),
    subject: text.subject,
    text: text.text,
    language: "nld",
    externalId,
    threadKey: channel === "email" ? externalId : null,
    inReplyTo: inReplyTo ? [inReplyTo] : [],
    employeeId: employee.id,
    senderPartyId: null,
    recipientPartyId: c.actor.party.id,
    actingForPartyId: c.actingFor?.partyId ?? null,
    actingForRelation: c.actingFor?.relation ?? null,
    address,
    senderIdentifiers: [],
    actingForIdentifiers: [],
    involvement: { ...thread.involvement },
    channelTopicId: null,
    confidential: false,
    threading: "explicit",
    authenticated: false,
    deliveryStatus:
      channel === "email" || channel === "sms" || channel === "whatsapp"
        ? failed
          ? "failed"
          : "delivered"
        : null,
  };
  world.interactions.push(interaction);
  thread.employeeId = employee.id;
  if (channel === "email") world.emailThreads.set(externalId, { thread, subject: text.subject });
  return interaction;
}

/**
 * Who follows up on a question (the task's assignee, else its handler), or null when the task or the
 * question was already settled in the meantime.
 */
export function followUpEmployee(
  run: Run,
  event: { thread: Thread; task: GeneratedTask | null; at: number },
): GeneratedEmployee | null {
  const { thread, task } = event;
  if (task && task.status !== "open") return null;
  if (statusAt(thread, event.at) === "resolved") {
    if (task) completeTask(task, event.at, "Vraag was al beantwoord.");
    return null;
  }
  const assigned = task?.assigneeEmployeeId
    ? run.world.organisation.employees.find((e) => e.id === task.assigneeEmployeeId)
    : undefined;
  return assigned ?? handlerFor(run.world, thread);
}

export function handleAnswer(run: Run, event: Extract<Run["queue"][number], { type: "answer" }>): void {
  const { world, c } = run;
  const { thread, task } = event;
  const employee = followUpEmployee(run, event);
  if (!employee) return;
  if (event.kind === "closed") {
    thread.employeeId = employee.id;
    if (task) completeTask(task, event.at, "Melding afgehandeld.");
    resolve(run, thread, event.at, true);
    return;
  }
  const english = c.actor.language === "eng" && chance(world.rng, 0.3);
  const composed = composeOutbound(world.rng, {
    channel: event.channel,
    kind: event.kind === "ask-info" ? "ask-info" : "answer",
    topicId: c.topicId,
    variant: c.variant,
    recordedTopicId: thread.handlingTopicId,
    recipient: speakerOf(c.actor),
    employeeName: employee.name,
    teamName: thread.team.name,
    refToken: refToken(thread),
    english,
    replyToSubject: null,
  });
  const interaction = recordOutbound(
    run,
    thread,
    event.channel,
    event.at,
    employee,
    composed,
    event.inReplyTo,
  );
  if (english) interaction.language = "eng";
  if (task)
    completeTask(
      task,
      event.at,
      event.kind === "ask-info" ? "Aanvullende informatie gevraagd." : "Beantwoord.",
    );
  const received = interaction.deliveryStatus !== "failed";
  if (received) {
    thread.referenceKnown = true;
    run.knownThread = thread;
    if (event.channel === "email")
      run.lastEmail = { key: interaction.externalId, subject: interaction.subject };
  }
  if (event.kind === "ask-info") {
    setStatus(thread, event.at, "waiting-on-resident");
    if (!received) return;
    run.lastAnswerAt = event.at;
    if (chance(world.rng, 0.8)) {
      const channel =
        event.channel === "letter" ? "letter" : event.channel === "webform" ? "email" : event.channel;
      const replyKey = channel === "email" ? interaction.externalId : null;
      const at = event.at + logNormal(world.rng, 2.5, 0.7) * DAY;
      schedule(run, { type: "contact", at, channel, mode: "info-reply", replyKey });
    }
    return;
  }
  resolve(run, thread, event.at, received);
}

/** The thread is answered. The resident may find it was not solved after all (a reopened question). */
export function resolve(run: Run, thread: Thread, at: number, received: boolean): void {
  const { world, c } = run;
  const rng: Rng = world.rng;
  setStatus(thread, at, "resolved");
  if (!received) return;
  run.lastAnswerAt = at;
  run.firstAnswerAt ??= at;
  if (run.resolvedAt === null) {
    for (const other of run.threads) {
      if (other !== thread && statusAt(other, at) !== "resolved" && chance(rng, 0.5)) {
        schedule(run, { type: "close-duplicate", at: at + between(rng, 0.5, 6) * DAY, thread: other });
      }
    }
    for (const task of run.tasks) {
      if (task.status === "open" && chance(rng, 0.5)) {
        task.status = "cancelled";
        task.completedAt = new Date(at + between(rng, 0.1, 3) * DAY);
        task.outcome = "Vervallen: vraag is al beantwoord.";
      }
    }
  }
  run.resolvedAt = at;
  if (!run.reopenedOnce && reopens(rng, c.complexity)) {
    run.reopenedOnce = true;
    run.reasons.add("reopened");
    const replyKey = run.lastEmail && chance(rng, 0.6) ? run.lastEmail.key : null;
    const channel: SimChannel = replyKey ? "email" : firstChannel(rng, c.actor, c.topicId);
    schedule(run, {
      type: "contact",
      at: at + logNormal(rng, 6, 0.7) * DAY,
      channel,
      mode: "reopen",
      replyKey,
    });
  }
}
