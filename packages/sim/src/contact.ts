import { reachOf, recordOutbound, resolve, scheduleWrittenAnswer } from "./answers";
import { learnsReference, patienceDays, writesInOwnLanguage } from "./behaviour";
import { DAY, nextOfficeMoment } from "./clock";
import {
  messagingReplyHours,
  messagingResolves,
  resolvedOnContact,
  slownessOf,
  taskKindAfterContact,
} from "./municipality";
import { inputDisplayName, personName } from "./party-input";
import { between, chance, int, seededUuid } from "./random";
import { identifyParty, identifyRepresented, questionMembers } from "./recording";
import { type Run, type SimEvent, schedule } from "./run-state";
import { createTask } from "./tasks";
import { type ComposedText, composeInbound, type OnBehalf } from "./texts/inbound";
import { type ContactOutcome, composeContactNote } from "./texts/notes";
import { composeOutbound } from "./texts/outbound";
import { topicNameNl } from "./texts/topic-texts";
import type {
  GeneratedInteraction,
  IdentifierInput,
  RecordedInvolvement,
  SimChannel,
  Threading,
} from "./types";
import {
  agent,
  contactTopic,
  newExternalId,
  openThread,
  refToken,
  setStatus,
  speakerOf,
  statusAt,
  type Thread,
  type World,
} from "./world";

type ContactEvent = Extract<SimEvent, { type: "contact" }>;

/** What the channel, or the staff member registering the contact, knows of who it is from. */
type Identification = {
  sender: IdentifierInput[];
  actingFor: IdentifierInput[];
  address: GeneratedInteraction["address"];
  authenticated: boolean;
  idChecked: boolean;
};

/**
 * Only what the channel knows: the address an email, WhatsApp message or SMS came from; caller id
 * (unless withheld); what a web form asks (an email address, else a phone number; the BSN after a DigiD
 * login); at the counter the BSN when staff checked ID, else the phone number the appointment was made
 * with; in a chat nothing unless the visitor gave an email address; for a letter the BSN when staff find
 * the sender in the BRP, else a phone number or email address written in it. Someone whose call, visit or
 * chat cannot be settled on the spot leaves a number or address for the answer.
 */
function identify(run: Run, channel: SimChannel, resolvedNow: boolean): Identification {
  const { world, c } = run;
  const rng = world.rng;
  const actor = c.actor;
  const email: IdentifierInput | null = actor.email ? { kind: "email", value: actor.email } : null;
  const phone: IdentifierInput | null = actor.phone ? { kind: "phone", value: actor.phone } : null;
  const sender: IdentifierInput[] = [];
  const add = (identifier: IdentifierInput | null) => {
    if (identifier) sender.push(identifier);
  };
  let authenticated = false;
  let idChecked = false;
  switch (channel) {
    case "email":
      add(email);
      break;
    case "whatsapp":
      add(actor.phone ? { kind: "whatsapp", value: actor.phone } : null);
      break;
    case "sms":
      add(phone);
      break;
    case "webform":
      add(email ?? phone);
      authenticated = actor.bsn !== null && chance(rng, 0.5);
      break;
    case "phone":
      if (phone && !chance(rng, 0.04)) add(phone);
      else if (!resolvedNow) add(phone ?? email);
      break;
    case "counter":
      idChecked = actor.bsn !== null && chance(rng, 0.6);
      if (phone && chance(rng, 0.7)) add(phone);
      else if (!resolvedNow && !idChecked) add(phone ?? email);
      break;
    case "chat":
      if (email && (!resolvedNow || chance(rng, 0.3))) add(email);
      break;
    case "letter":
      if (actor.bsn === null) {
        if (phone && chance(rng, 0.6)) add(phone);
        else if (email && chance(rng, 0.4)) add(email);
      }
      break;
  }
  const first = sender[0];
  const address =
    first && first.kind !== "bsn"
      ? { kind: first.kind as "email" | "phone" | "whatsapp", value: first.value }
      : null;
  if (actor.bsn && (authenticated || idChecked || channel === "letter"))
    sender.push({ kind: "bsn", value: actor.bsn });

  const actingFor: IdentifierInput[] = [];
  if (c.actingFor) {
    const represented = world.mirror.parties.get(c.actingFor.partyId);
    const kvk = represented?.identifiers.find((i) => i.kind === "kvk");
    const bsn = represented?.identifiers.find((i) => i.kind === "bsn");
    if (kvk) actingFor.push({ kind: "kvk", value: kvk.value });
    else if (bsn && (authenticated || channel === "letter" || channel === "counter"))
      actingFor.push({ kind: "bsn", value: bsn.value });
  }
  return { sender, actingFor, address, authenticated, idChecked };
}

/** Who ingest records for the contact (identifyParty, then identifyRepresented). */
function recordInvolvement(
  run: Run,
  identified: Identification,
  at: number,
  interactionId: string,
): RecordedInvolvement {
  const { world, c } = run;
  const facts = { at, interactionId, rng: world.rng };
  const partyId = identifyParty(world.mirror, identified.sender, facts);
  const representedParty = c.actingFor ? world.mirror.parties.get(c.actingFor.partyId) : undefined;
  const representedPartyId =
    c.actingFor && representedParty
      ? identifyRepresented(
          world.mirror,
          partyId,
          { party: representedParty, identifiers: identified.actingFor, relation: c.actingFor.relation },
          facts,
        )
      : null;
  return { partyId, representedPartyId, contactName: inputDisplayName({ name: personName(c.actor.party) }) };
}

/** The questions whose reference placeholders appear in a text (ingest finds the references themselves). */
function referencedThreads(world: World, text: ComposedText): Thread[] {
  const found: Thread[] = [];
  for (const match of `${text.subject ?? ""}\n${text.text}`.matchAll(/\{\{ref:([0-9a-f-]{36})\}\}/g)) {
    const thread = world.threadsById.get(match[1] as string);
    if (thread && !found.includes(thread)) found.push(thread);
  }
  // Ingest takes the first quoted question the sender belongs to, in no fixed order: keep it to one.
  if (found.length > 1) throw new Error("A generated contact quotes several question references");
  return found;
}

/**
 * Which question the contact lands in, decided as ingest does (decideThreading): a question staff
 * linked it to; else a quoted reference of a question the sender is the resident or a registered
 * representative of; else an email reply to an earlier email (thread key); else a new question.
 */
function decideThread(
  run: Run,
  event: ContactEvent,
  involvement: RecordedInvolvement,
  referenced: Thread[],
  replied: Thread | null,
  opening: { interactionId: string; topicId: string | null },
): { thread: Thread; threading: Threading } {
  const { world, c } = run;
  const at = event.at;
  const timeline = involvement.representedPartyId ?? involvement.partyId;
  if ((event.channel === "phone" || event.channel === "counter") && timeline !== null) {
    // The agent looks the caller up and links the contact to their question that is still open.
    const open = run.threads.filter((t) => t.residentPartyId === timeline && statusAt(t, at) !== "resolved");
    if (open.length > 0 && chance(world.rng, event.mode === "info-reply" ? 0.9 : 0.55))
      return { thread: open[open.length - 1] as Thread, threading: "explicit" };
  }
  const sender = involvement.partyId;
  const own =
    sender === null
      ? undefined
      : referenced.find((t) => questionMembers(world.mirror, t.residentPartyId).includes(sender));
  if (own) return { thread: own, threading: "reference" };
  if (replied) return { thread: replied, threading: "thread-key" };
  const thread = openThread(world, c, at, event.channel, { ...opening, involvement });
  run.threads.push(thread);
  return { thread, threading: "new" };
}

export function contact(run: Run, event: ContactEvent, onBehalf: OnBehalf | null): void {
  const { world, c } = run;
  const rng = world.rng;
  const at = event.at;
  run.contacts++;
  const contactNumber = run.contacts;
  run.lastContactAt = at;
  run.firstContactAt ??= at;
  const channel = event.channel;
  const previousChannel = run.previousChannel;
  run.previousChannel = channel;
  run.channels.push(channel);

  // What the resident does: hit "reply" on an email, or quote a reference they know.
  const replied = channel === "email" && event.replyKey ? world.emailThreads.get(event.replyKey) : undefined;
  const known = run.knownThread;
  const quoteChance = event.mode === "info-reply" ? 0.8 : c.actor.quotesReference;
  const quoted = !replied && known?.referenceKnown && chance(rng, quoteChance) ? known : null;

  const live = channel === "phone" || channel === "counter";
  const resolvedNow =
    (live || channel === "chat") && resolvedOnContact(rng, channel, c.complexity, contactNumber);
  const identified = identify(run, channel, resolvedNow);
  const interactionId = seededUuid(rng);
  const involvement = recordInvolvement(run, identified, at, interactionId);
  const topicId = contactTopic(rng, c.topicId, channel);
  const staff = live ? agent(world) : null;
  const language = writesInOwnLanguage(rng, c.actor, channel);
  // Phone calls and counter visits are registered as a staff member's note (below), which names a quoted reference.
  const composed: ComposedText = live
    ? { subject: null, text: "" }
    : composeInbound(rng, {
        channel,
        language,
        topicId: c.topicId,
        variant: c.variant,
        contactNumber,
        reopened: event.mode === "reopen",
        infoReply: event.mode === "info-reply",
        previousChannel,
        lifeEvent: contactNumber === 1 && c.lifeEvent ? c.lifeEvent.kind : null,
        refToken: quoted ? refToken(quoted) : null,
        replyToSubject: replied?.subject ?? null,
        speaker: speakerOf(c.actor),
        onBehalf,
      });
  const referenced = live ? (quoted ? [quoted] : []) : referencedThreads(world, composed);
  const { thread, threading } = decideThread(run, event, involvement, referenced, replied?.thread ?? null, {
    interactionId,
    topicId,
  });
  const status = statusAt(thread, at);
  if (threading !== "new") {
    if (status === "resolved") setStatus(thread, at, "reopened");
    else if (status === "waiting-on-resident") setStatus(thread, at, "waiting-on-municipality");
  }
  thread.involvement = involvement;
  if (involvement.partyId !== null) thread.reachable = true;

  const emailDomain = c.actor.email?.split("@")[1];
  const externalId = newExternalId(world, channel, emailDomain);
  const inbound: GeneratedInteraction = {
    id: interactionId,
    questionId: thread.id,
    channel,
    direction: "inbound",
    occurredAt: new Date(at),
    subject: composed.subject,
    text: composed.text,
    language,
    externalId,
    threadKey: channel === "email" ? externalId : null,
    inReplyTo: channel === "email" && event.replyKey ? [event.replyKey] : [],
    employeeId: staff?.id ?? null,
    senderPartyId: c.actor.party.id,
    recipientPartyId: null,
    actingForPartyId: c.actingFor?.partyId ?? null,
    actingForRelation: c.actingFor?.relation ?? null,
    address: identified.address,
    senderIdentifiers: identified.sender,
    actingForIdentifiers: identified.actingFor,
    involvement,
    channelTopicId: topicId,
    confidential: threading === "new" && thread.confidential,
    threading,
    authenticated: identified.authenticated || identified.idChecked,
    deliveryStatus: null,
  };
  world.interactions.push(inbound);
  if (channel === "email") {
    world.emailThreads.set(externalId, { thread, subject: composed.subject });
    run.lastEmail ??= { key: externalId, subject: composed.subject };
  }
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
      outcome = kind === "callback" && reachOf(run, thread).phone !== null ? "callback" : "back-office";
      createTask(run, thread, inbound, outcome === "callback" ? "callback" : "back-office");
    }
    inbound.subject = `${channel === "phone" ? "Telefoongesprek" : "Baliebezoek"}: ${topicNameNl(topicId)}`;
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
      refToken: quoted ? refToken(quoted) : null,
      quotedReference: quoted !== null,
      idChecked: identified.idChecked,
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

/**
 * Chat, WhatsApp and SMS are answered by the KCC: settled in the reply, or passed on with a promise.
 * An anonymous chat visitor who left no address cannot be answered later: the agent refers them to
 * the phone or the web form, and they try again when they are ready.
 */
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
  const refer = !resolves && !thread.reachable;
  const composed = composeOutbound(world.rng, {
    channel,
    kind: resolves ? "answer" : refer ? "refer" : "interim",
    topicId: c.topicId,
    variant: c.variant,
    recordedTopicId: thread.handlingTopicId,
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
  if (refer) return;
  run.promisedUntil = Math.max(run.promisedUntil, at + 7 * DAY);
  createTask(run, thread, inbound, taskKindAfterContact(world.rng, channel));
}
