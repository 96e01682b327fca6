import { recordOutbound, resolve, scheduleWrittenAnswer } from "./answers";
import { learnsReference, patienceDays, writesInOwnLanguage } from "./behaviour";
import { DAY, nextOfficeMoment } from "./clock";
import {
  messagingReplyHours,
  messagingResolves,
  resolvedOnContact,
  slownessOf,
  taskKindAfterContact,
} from "./municipality";
import { between, chance, int, seededUuid } from "./random";
import { type Run, type SimEvent, schedule } from "./run-state";
import { createTask } from "./tasks";
import { composeInbound, type OnBehalf } from "./texts/inbound";
import { type ContactOutcome, composeContactNote } from "./texts/notes";
import { composeOutbound } from "./texts/outbound";
import { topicNameNl } from "./texts/topic-texts";
import type { GeneratedInteraction, SimChannel, Threading } from "./types";
import {
  agent,
  channelTopic,
  newExternalId,
  openThread,
  refToken,
  setStatus,
  speakerOf,
  statusAt,
  type Thread,
} from "./world";

type Threaded = { thread: Thread; threading: Threading; quoted: boolean };

/** Which recorded question this contact lands in, as ingest would decide it. */
function threadFor(run: Run, event: Extract<SimEvent, { type: "contact" }>): Threaded {
  const { world, c } = run;
  const rng = world.rng;
  const replied = event.replyKey ? world.emailThreads.get(event.replyKey) : undefined;
  if (replied && event.channel === "email")
    return { thread: replied, threading: "thread-key", quoted: false };
  const known = run.knownThread;
  const quoteChance = event.mode === "info-reply" ? 0.8 : c.actor.quotesReference;
  if (known?.referenceKnown && chance(rng, quoteChance))
    return { thread: known, threading: "reference", quoted: true };
  if (event.channel === "phone" || event.channel === "counter") {
    const open = run.threads.filter((t) => statusAt(t, event.at) !== "resolved");
    // The agent looks the caller up and links the contact to the question that is still open.
    if (open.length > 0 && chance(rng, event.mode === "info-reply" ? 0.9 : 0.55)) {
      return { thread: open[open.length - 1] as Thread, threading: "explicit", quoted: false };
    }
  }
  const thread = openThread(world, c, event.at, event.channel, channelTopic(rng, c.topicId, event.channel));
  run.threads.push(thread);
  return { thread, threading: "new", quoted: false };
}

export function contact(
  run: Run,
  event: Extract<SimEvent, { type: "contact" }>,
  onBehalf: OnBehalf | null,
): void {
  const { world, c } = run;
  const rng = world.rng;
  const at = event.at;
  run.contacts++;
  const contactNumber = run.contacts;
  run.lastContactAt = at;
  run.firstContactAt ??= at;
  const { thread, threading, quoted } = threadFor(run, event);
  const status = statusAt(thread, at);
  if (threading !== "new") {
    if (status === "resolved") setStatus(thread, at, "reopened");
    else if (status === "waiting-on-resident") setStatus(thread, at, "waiting-on-municipality");
  }
  const channel = event.channel;
  const previousChannel = run.previousChannel;
  run.previousChannel = channel;
  run.channels.push(channel);

  const live = channel === "phone" || channel === "counter";
  const resolvedNow =
    (live || channel === "chat") && resolvedOnContact(rng, channel, c.complexity, contactNumber);
  const idChecked = channel === "counter" && c.actor.bsn !== null && chance(rng, 0.6);
  const staff = live ? agent(world) : null;
  const inbound = recordInbound(
    run,
    thread,
    event,
    threading,
    quoted,
    contactNumber,
    previousChannel,
    onBehalf,
    idChecked,
  );
  if (staff) inbound.employeeId = staff.id;
  if (threading === "new") thread.referenceKnown = learnsReference(rng, channel);

  let outcome: ContactOutcome = "resolved";
  if (live) {
    if (resolvedNow) {
      thread.employeeId ??= staff?.id ?? null;
      resolve(run, thread, at, true);
    } else if (
      threading === "explicit" &&
      run.tasks.some((t) => t.status === "open" && t.questionId === thread.id) &&
      chance(rng, 0.5)
    ) {
      outcome = "linked-open";
      run.promisedUntil = Math.max(run.promisedUntil, at + 4 * DAY);
    } else {
      const kind = taskKindAfterContact(rng, channel);
      outcome = kind === "callback" && c.actor.phone !== null ? "callback" : "back-office";
      createTask(run, thread, inbound, outcome === "callback" ? "callback" : "back-office");
    }
    inbound.subject = `${channel === "phone" ? "Telefoongesprek" : "Baliebezoek"}: ${topicNameNl(thread.topicId)}`;
    inbound.text = composeContactNote(rng, {
      where: channel === "phone" ? "phone" : "counter",
      topicId: c.topicId,
      variant: c.variant,
      contactNumber,
      reopened: event.mode === "reopen",
      speaker: speakerOf(c.actor),
      onBehalf: onBehalf ? { relation: onBehalf.relation, name: onBehalf.name } : null,
      outcome,
      teamName: thread.team.name,
      refToken: refToken(thread),
      quotedReference: quoted,
      idChecked,
    });
  } else if (channel === "chat") {
    liveReply(run, thread, at + Math.round(between(rng, 2, 15) * 60) * 1000, "chat", resolvedNow, inbound);
  } else if (channel === "whatsapp" || channel === "sms") {
    if (!chance(rng, 0.04)) {
      const wait = Math.round(messagingReplyHours(rng, slownessOf("Klantcontactcentrum", at)) * 3600) * 1000;
      const replyAt = nextOfficeMoment(world.calendar, at + wait, int(rng, 0, 240));
      if (replyAt < world.calendar.endMs)
        liveReply(run, thread, replyAt, channel, messagingResolves(rng, c.complexity), inbound);
    }
  } else {
    scheduleWrittenAnswer(run, thread, at, channel, channel === "email" ? inbound.externalId : null);
  }
  if (run.lastAnswerAt < at) {
    const promised = outcome === "callback";
    const wait = patienceDays(rng, c.actor, c.topicId, contactNumber, promised);
    schedule(run, { type: "check", at: at + wait * DAY, contactIndex: contactNumber });
  }
}

/** Chat, WhatsApp and SMS are answered by the KCC: settled in the reply, or passed on with a promise. */
function liveReply(
  run: Run,
  thread: Thread,
  at: number,
  channel: SimChannel,
  resolves: boolean,
  inbound: GeneratedInteraction,
): void {
  const { world, c } = run;
  const employee = agent(world);
  const composed = composeOutbound(world.rng, {
    channel,
    kind: resolves ? "answer" : "interim",
    topicId: c.topicId,
    variant: c.variant,
    recordedTopicId: thread.topicId,
    recipient: speakerOf(c.actor),
    employeeName: employee.name,
    teamName: thread.team.name,
    refToken: refToken(thread),
    english: false,
    replyToSubject: null,
  });
  const reply = recordOutbound(run, thread, channel, at, employee, composed, null);
  if (resolves) {
    resolve(run, thread, at, reply.deliveryStatus !== "failed");
    return;
  }
  thread.referenceKnown = true;
  run.knownThread = thread;
  run.promisedUntil = Math.max(run.promisedUntil, at + 7 * DAY);
  createTask(run, thread, inbound, taskKindAfterContact(world.rng, channel));
}

function recordInbound(
  run: Run,
  thread: Thread,
  event: Extract<SimEvent, { type: "contact" }>,
  threading: Threading,
  quoted: boolean,
  contactNumber: number,
  previousChannel: SimChannel | null,
  onBehalf: OnBehalf | null,
  idChecked: boolean,
): GeneratedInteraction {
  const { world, c } = run;
  const rng = world.rng;
  const actor = c.actor;
  const channel = event.channel;
  const language = writesInOwnLanguage(rng, actor, channel);
  const replySubject = threading === "thread-key" ? (run.lastEmail?.subject ?? null) : null;
  const composed = composeInbound(rng, {
    channel,
    language,
    topicId: c.topicId,
    variant: c.variant,
    contactNumber,
    reopened: event.mode === "reopen",
    infoReply: event.mode === "info-reply",
    previousChannel,
    lifeEvent: contactNumber === 1 && c.lifeEvent ? c.lifeEvent.kind : null,
    refToken: quoted ? refToken(thread) : null,
    replyToSubject: replySubject,
    speaker: speakerOf(actor),
    onBehalf,
  });
  const emailDomain = actor.email?.split("@")[1];
  const externalId = newExternalId(world, channel, emailDomain);
  const address =
    channel === "email" ||
    (channel === "webform" && actor.email) ||
    (channel === "chat" && actor.email && chance(rng, 0.5))
      ? actor.email
        ? { kind: "email" as const, value: actor.email }
        : null
      : (channel === "phone" && !chance(rng, 0.04)) || channel === "sms"
        ? actor.phone
          ? { kind: "phone" as const, value: actor.phone }
          : null
        : channel === "whatsapp" && actor.phone
          ? { kind: "whatsapp" as const, value: actor.phone }
          : null;
  const interaction: GeneratedInteraction = {
    id: seededUuid(rng),
    questionId: thread.id,
    channel,
    direction: "inbound",
    occurredAt: new Date(event.at),
    subject: composed.subject,
    text: composed.text,
    language,
    externalId,
    threadKey: channel === "email" ? externalId : null,
    inReplyTo: channel === "email" && event.replyKey ? [event.replyKey] : [],
    employeeId: null,
    senderPartyId: actor.party.id,
    recipientPartyId: null,
    actingForPartyId: c.actingFor?.partyId ?? null,
    actingForRelation: c.actingFor?.relation ?? null,
    address,
    channelTopicId:
      threading === "new" && (channel === "webform" || channel === "phone") ? thread.topicId : null,
    threading,
    authenticated: idChecked || (channel === "webform" && actor.bsn !== null && chance(rng, 0.5)),
    deliveryStatus: null,
  };
  world.interactions.push(interaction);
  if (channel === "email") {
    world.emailThreads.set(externalId, thread);
    run.lastEmail ??= { key: externalId, subject: composed.subject };
  }
  return interaction;
}
