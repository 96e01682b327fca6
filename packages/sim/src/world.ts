import { computeDueAt, defaultServiceNorms, isSensitiveTopic } from "@omniloket/domain";
import type { Case } from "./cases";
import type { SimCalendar } from "./clock";
import { agentsOf, handlersOf, type Organisation } from "./organisation";
import type { Person } from "./people/person";
import { chance, hex, pick, type Rng, seededUuid } from "./random";
import type { Speaker } from "./texts/inbound";
import type {
  GeneratedEmployee,
  GeneratedInteraction,
  GeneratedTask,
  GeneratedTeam,
  QuestionStatus,
  SimChannel,
} from "./types";

/** A recorded question (a thread), as the municipality sees it; several may belong to one real case. */
export type Thread = {
  id: string;
  caseId: string;
  residentPartyId: string;
  openedAt: number;
  channel: SimChannel;
  /** The topic recorded by the channel or by staff; null while unknown. */
  topicId: string | null;
  team: GeneratedTeam;
  employeeId: string | null;
  confidential: boolean;
  dueAt: Date | null;
  events: Array<{ at: number; status: QuestionStatus }>;
  /** Whether the resident learned this thread's reference. */
  referenceKnown: boolean;
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
  /** Email Message-ID → the thread it belongs to. */
  emailThreads: Map<string, Thread>;
  externalIds: Set<string>;
};

export function createWorld(rng: Rng, calendar: SimCalendar, organisation: Organisation): World {
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
    externalIds: new Set(),
  };
}

/** The placeholder for a thread's reference; replaced once sequence numbers are handed out. */
export function refToken(thread: Thread): string {
  return `{{ref:${thread.id}}}`;
}

/** What the municipality records as the topic: what the channel said, else what staff or classification decide. */
function recordedTopic(
  rng: Rng,
  trueTopicId: string,
  channel: SimChannel,
  channelTopicId: string | null,
): string | null {
  if (channelTopicId) return channelTopicId;
  const staffDecides = channel === "phone" || channel === "counter";
  const draw = rng();
  // A general contact form says nothing; staff usually know; classification of free text often does not.
  const unknown = channel === "webform" ? 0.6 : staffDecides ? 0.1 : 0.2;
  if (draw < unknown) return null;
  if (draw < unknown + 0.03)
    return pick(
      rng,
      ["overig", "klacht", "belastingen", "afval"].filter((t) => t !== trueTopicId),
    );
  return trueTopicId;
}

/** The topic the channel itself knows: the form the resident chose, or the IVR menu option. */
export function channelTopic(rng: Rng, trueTopicId: string, channel: SimChannel): string | null {
  if (channel === "webform") return chance(rng, 0.9) ? trueTopicId : null;
  if (channel === "phone") return chance(rng, 0.72) ? trueTopicId : null;
  return null;
}

export function openThread(
  world: World,
  c: Case,
  at: number,
  channel: SimChannel,
  channelTopicId: string | null,
): Thread {
  const { rng, organisation } = world;
  const topicId = recordedTopic(rng, c.topicId, channel, channelTopicId);
  const team = (topicId && organisation.teamByTopic.get(topicId)) || organisation.generalTeam;
  const due = computeDueAt(new Date(at), defaultServiceNorms, topicId, channel);
  const thread: Thread = {
    id: seededUuid(rng),
    caseId: c.id,
    residentPartyId: c.client.subject.id,
    openedAt: at,
    channel,
    topicId,
    team,
    employeeId: null,
    confidential: topicId !== null && isSensitiveTopic(topicId) && chance(rng, 0.08),
    dueAt: due ? due.dueAt : null,
    events: [{ at, status: "open" }],
    referenceKnown: false,
  };
  world.threads.push(thread);
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
