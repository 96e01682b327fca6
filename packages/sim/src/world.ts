import { computeDueAt, defaultServiceNorms, isSensitiveTopic, routeByTopic } from "@omniloket/domain";
import type { Case } from "./cases";
import type { SimCalendar } from "./clock";
import { agentsOf, handlersOf, type Organisation } from "./organisation";
import type { Person } from "./people/person";
import { chance, hex, pick, type Rng, seededUuid } from "./random";
import type { IngestMirror } from "./recording";
import type { Speaker } from "./texts/inbound";
import type {
  GeneratedEmployee,
  GeneratedInteraction,
  GeneratedTask,
  GeneratedTeam,
  QuestionStatus,
  RecordedInvolvement,
  SimChannel,
} from "./types";

/** A recorded question (a thread), as the municipality sees it; several may belong to one real case. */
export type Thread = {
  id: string;
  caseId: string;
  /** As ingest recorded it when the question opened: the represented party or the sender, null when anonymous. */
  residentPartyId: string | null;
  openedAt: number;
  /** The inbound contact that opened it (questions are numbered in the order these happened). */
  openingInteractionId: string;
  channel: SimChannel;
  /** The topic the opening contact gave (channel or staff), as ingest records it; null when unknown. */
  topicId: string | null;
  /** Where ingest routed it: the team for that topic, else the general team. */
  teamId: string;
  /** The team that really handles it once staff or classification know the topic (drives the simulation only). */
  team: GeneratedTeam;
  /** The topic staff work with (the recorded one, or what staff or classification later decide). */
  handlingTopicId: string | null;
  employeeId: string | null;
  confidential: boolean;
  dueAt: Date | null;
  events: Array<{ at: number; status: QuestionStatus }>;
  /** Whether the resident learned this thread's reference. */
  referenceKnown: boolean;
  /** Whether some contact in it identified the actor, so the municipality can reach them at their known addresses. */
  reachable: boolean;
  /** Who the latest inbound contact in it was recorded as (replies go to them). */
  involvement: RecordedInvolvement;
};

export type World = {
  rng: Rng;
  calendar: SimCalendar;
  organisation: Organisation;
  agents: GeneratedEmployee[];
  handlersByTeam: Map<string, GeneratedEmployee[]>;
  threads: Thread[];
  interactions: GeneratedInteraction[];
  tasks: GeneratedTask[];
  /** Email Message-ID → the thread it belongs to and its subject (what a reply quotes). */
  emailThreads: Map<string, { thread: Thread; subject: string | null }>;
  threadsById: Map<string, Thread>;
  externalIds: Set<string>;
  /** What ingest knows: identifiers, representations, parties it created. */
  mirror: IngestMirror;
};

export function createWorld(
  rng: Rng,
  calendar: SimCalendar,
  organisation: Organisation,
  mirror: IngestMirror,
): World {
  const handlersByTeam = new Map(
    organisation.teams.map((team) => [team.id, handlersOf(organisation, team.id)]),
  );
  return {
    rng,
    calendar,
    organisation,
    agents: agentsOf(organisation),
    handlersByTeam,
    threads: [],
    interactions: [],
    tasks: [],
    emailThreads: new Map(),
    threadsById: new Map(),
    externalIds: new Set(),
    mirror,
  };
}

/** The placeholder for a thread's reference; replaced once sequence numbers are handed out. */
export function refToken(thread: Thread): string {
  return `{{ref:${thread.id}}}`;
}

/** What staff write down when they register a contact: usually the right topic, sometimes none or a wrong one. */
function staffTopic(rng: Rng, trueTopicId: string): string | null {
  const draw = rng();
  if (draw < 0.1) return null;
  if (draw < 0.13) return pick(rng, wrongTopics(trueTopicId));
  return trueTopicId;
}

function wrongTopics(trueTopicId: string): string[] {
  return ["overig", "klacht", "belastingen", "afval"].filter((t) => t !== trueTopicId);
}

/**
 * The topic a contact arrives with (DESIGN §5, topic at ingest): the form the resident chose, the IVR
 * menu option, or what the staff member registering a call, a counter visit or a letter picked.
 * Email, chat, WhatsApp and SMS arrive without one: classification (a job) or a person sets it later.
 */
export function contactTopic(rng: Rng, trueTopicId: string, channel: SimChannel): string | null {
  switch (channel) {
    case "webform":
      return chance(rng, 0.9) ? trueTopicId : null;
    case "phone":
      return chance(rng, 0.72) ? trueTopicId : staffTopic(rng, trueTopicId);
    case "counter":
    case "letter":
      return staffTopic(rng, trueTopicId);
    default:
      return null;
  }
}

/** The topic staff end up working with: the recorded one, else what the general team or classification decide. */
function handlingTopic(rng: Rng, trueTopicId: string, recorded: string | null): string | null {
  if (recorded) return recorded;
  const draw = rng();
  if (draw < 0.15) return null;
  if (draw < 0.18) return pick(rng, wrongTopics(trueTopicId));
  return trueTopicId;
}

/** A new question, as ingest opens it for the contact `opening`: its resident, topic, routing and due time. */
export function openThread(
  world: World,
  c: Case,
  at: number,
  channel: SimChannel,
  opening: { interactionId: string; topicId: string | null; involvement: RecordedInvolvement },
): Thread {
  const { rng, organisation } = world;
  const topicId = opening.topicId;
  const handlingTopicId = handlingTopic(rng, c.topicId, topicId);
  const due = computeDueAt(new Date(at), defaultServiceNorms, topicId, channel);
  const thread: Thread = {
    id: seededUuid(rng),
    caseId: c.id,
    residentPartyId: opening.involvement.representedPartyId ?? opening.involvement.partyId,
    openedAt: at,
    openingInteractionId: opening.interactionId,
    channel,
    topicId,
    teamId: routeByTopic(topicId, organisation.teams) ?? organisation.generalTeam.id,
    team: (handlingTopicId && organisation.teamByTopic.get(handlingTopicId)) || organisation.generalTeam,
    handlingTopicId,
    employeeId: null,
    confidential: topicId !== null && isSensitiveTopic(topicId) && chance(rng, 0.08),
    dueAt: due ? due.dueAt : null,
    events: [{ at, status: "open" }],
    referenceKnown: false,
    reachable: false,
    involvement: opening.involvement,
  };
  world.threads.push(thread);
  world.threadsById.set(thread.id, thread);
  return thread;
}

export function setStatus(thread: Thread, at: number, status: QuestionStatus): void {
  thread.events.push({ at, status });
}

export function statusAt(thread: Thread, at: number): QuestionStatus {
  let status: QuestionStatus = "open";
  let latest = -Infinity;
  for (const event of thread.events) {
    if (event.at <= at && event.at >= latest) {
      latest = event.at;
      status = event.status;
    }
  }
  return status;
}

export function handlerFor(world: World, thread: Thread): GeneratedEmployee {
  const handlers = world.handlersByTeam.get(thread.team.id);
  return pick(world.rng, handlers && handlers.length > 0 ? handlers : world.agents);
}

export function agent(world: World): GeneratedEmployee {
  return pick(world.rng, world.agents);
}

const prefixes: Record<SimChannel, string> = {
  phone: "pbx-",
  webform: "form-",
  email: "",
  counter: "balie-",
  chat: "chat-",
  whatsapp: "wamid.",
  sms: "SM",
  letter: "post-",
};

/** A channel's own id for a contact; for email a Message-ID on the sender's domain. Unique per channel. */
export function newExternalId(
  world: World,
  channel: SimChannel,
  emailDomain = "mail.voorbeeldstad.demo",
): string {
  for (;;) {
    const body = hex(world.rng, channel === "sms" ? 32 : channel === "whatsapp" ? 24 : 16);
    const id = channel === "email" ? `<${body}@${emailDomain}>` : `${prefixes[channel]}${body}`;
    const key = `${channel}:${id}`;
    if (world.externalIds.has(key)) continue;
    world.externalIds.add(key);
    return id;
  }
}

export function speakerOf(person: Person): Speaker {
  const p = person.party;
  return {
    givenName: p.givenName ?? "",
    familyNamePrefix: p.familyNamePrefix,
    familyName: p.familyName ?? "",
    displayName: p.displayName,
    sex: person.sex,
    street: p.street ?? "",
    houseNumber: p.houseNumber ?? "",
    postcode: p.postcode ?? "",
    city: p.city ?? "",
  };
}
