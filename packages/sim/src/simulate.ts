import { DEFAULT_SUGGESTION_WINDOW_DAYS, formatQuestionReference } from "@omniloket/domain";
import { generateCases } from "./cases";
import { buildCalendar } from "./clock";
import { runCase } from "./conversation";
import { generateOrganisation } from "./organisation";
import type { Person } from "./people/person";
import { type Client, generatePopulation } from "./population";
import { chance, createRng, forkRng, seededUuid } from "./random";
import { createIngestMirror } from "./recording";
import type { OnBehalf } from "./texts/inbound";
import type {
  GeneratedInteraction,
  GeneratedMunicipality,
  GeneratedQuestion,
  GeneratedStatusChange,
  GeneratedThreadingSuggestion,
  GroundTruthResident,
  QuestionStatus,
  StuckReason,
} from "./types";
import { createWorld, statusAt, type Thread, type World } from "./world";

export type GenerateOptions = {
  seed: number | string;
  /** About 5,000 for the demo; interactions scale linearly. */
  residents: number;
  months: number;
  /** The end of the window (exclusive). Fixed by default so that runs are repeatable. */
  endDate?: Date | string;
};

export const DEFAULT_END_DATE = "2026-11-01T00:00:00Z";

/** Voorbeeldstad, generated: a pure function of the options. */
export function generateMunicipality(options: GenerateOptions): GeneratedMunicipality {
  if (!Number.isInteger(options.residents) || options.residents < 1)
    throw new RangeError("residents must be a positive integer");
  if (!Number.isInteger(options.months) || options.months < 1)
    throw new RangeError("months must be a positive integer");
  const seed = String(options.seed);
  const endDate = new Date(options.endDate ?? DEFAULT_END_DATE);
  if (Number.isNaN(endDate.getTime())) throw new RangeError("endDate is not a valid date");
  const root = createRng(seed);
  const tenant = {
    id: seededUuid(root),
    slug: "voorbeeldstad" as const,
    name: "Gemeente Voorbeeldstad" as const,
    oin: "00000001999999990000",
  };
  const calendar = buildCalendar(endDate, options.months);
  const organisation = generateOrganisation(forkRng(root, "organisation"));
  const population = generatePopulation(forkRng(root, "population"), {
    residents: options.residents,
    startMs: calendar.startMs,
    endMs: calendar.endMs,
    counterEmployeeIds: organisation.employees.filter((e) => e.roles.includes("agent")).map((e) => e.id),
  });
  const mirror = createIngestMirror(population.parties, population.representations);
  const world = createWorld(forkRng(root, "simulation"), calendar, organisation, mirror);
  const window = { startMs: calendar.startMs, endMs: calendar.endMs };

  const residents: GroundTruthResident[] = [];
  const truthByQuestion: GeneratedMunicipality["groundTruth"]["questions"] = {};
  for (const client of population.clients) {
    const { cases, lifeEvents } = generateCases(world.rng, client, window);
    const truthCases = cases.map((c) => runCase(world, c, c.actingFor ? onBehalfOf(client) : null));
    for (const truth of truthCases) {
      for (const questionId of truth.questionIds) {
        truthByQuestion[questionId] = {
          caseId: truth.caseId,
          trueTopicId: truth.trueTopicId,
          needId: truth.needId,
          residentPartyId: client.subject.id,
        };
      }
    }
    const reasons = new Set<StuckReason>(truthCases.filter((t) => t.stuck).flatMap((t) => t.stuckReasons));
    residents.push({
      partyId: client.subject.id,
      profile: profileOf(client),
      lifeEvents: lifeEvents.map((e) => ({ kind: e.kind, needId: e.needId, at: new Date(e.atMs) })),
      stuck: truthCases.some((t) => t.stuck),
      stuckReasons: [...reasons].sort(),
      cases: truthCases,
    });
  }

  // The order contacts happened in (ties in the order they were generated): the order to replay them in.
  const ordered = world.interactions
    .filter((i) => i.occurredAt.getTime() < calendar.endMs)
    .map((i, order) => ({ i, order }))
    .sort((a, b) => a.i.occurredAt.getTime() - b.i.occurredAt.getTime() || a.order - b.order)
    .map(({ i }) => i);
  const questions = numberQuestions(world, ordered);
  const threadingSuggestions = suggestThreads(world, ordered);
  const references = new Map(questions.map((q) => [q.id, q.reference]));
  const fillReferences = (text: string) =>
    text.replace(/\{\{ref:([0-9a-f-]{36})\}\}/g, (whole, id: string) => references.get(id) ?? whole);
  const interactions = ordered.map((i) => ({
    ...i,
    text: fillReferences(i.text),
    subject: i.subject === null ? null : fillReferences(i.subject),
  }));
  for (const task of world.tasks) {
    if (task.completedAt && task.completedAt.getTime() >= calendar.endMs) {
      task.status = "open";
      task.completedAt = null;
      task.outcome = null;
    }
  }
  settlePartyCreation(world, population.parties, interactions);
  const contacts: GeneratedMunicipality["groundTruth"]["contacts"] = {};
  for (const i of interactions) {
    if (i.direction !== "inbound" || i.senderPartyId === null) continue;
    const recorded = i.involvement;
    if (recorded.partyId !== i.senderPartyId || recorded.representedPartyId !== i.actingForPartyId)
      contacts[i.id] = { senderPartyId: i.senderPartyId, actingForPartyId: i.actingForPartyId };
  }

  return {
    options: {
      seed,
      residents: options.residents,
      months: options.months,
      endDate,
      start: new Date(calendar.startMs),
    },
    tenant,
    teams: organisation.teams,
    employees: organisation.employees,
    parties: [...population.parties, ...mirror.created],
    representations: population.representations,
    preferences: population.preferences,
    consents: population.consents,
    questions,
    interactions,
    tasks: world.tasks,
    threadingSuggestions,
    groundTruth: {
      seed,
      window: { start: new Date(calendar.startMs), end: endDate },
      residents,
      questions: truthByQuestion,
      contacts,
    },
  };
}

/**
 * Sequence numbers as the database sequence hands them out when the interactions are ingested in
 * order: ingest draws a number for every contact, also one that joins an existing question
 * (docs/decisions/0007), so a question gets 1000 plus the place of the contact that opened it.
 */
function numberQuestions(world: World, ordered: GeneratedInteraction[]): GeneratedQuestion[] {
  const end = world.calendar.endMs;
  const position = new Map(ordered.map((interaction, index) => [interaction.id, index]));
  const place = (thread: Thread) => position.get(thread.openingInteractionId) ?? Number.POSITIVE_INFINITY;
  const threads = [...world.threads].sort((a, b) => place(a) - place(b));
  const lastActivity = new Map<string, number>();
  for (const interaction of world.interactions) {
    const at = interaction.occurredAt.getTime();
    if (at < end && at > (lastActivity.get(interaction.questionId) ?? 0))
      lastActivity.set(interaction.questionId, at);
  }
  return threads.map((thread) => {
    const sequence = BigInt(1000 + place(thread));
    const status = statusAt(thread, end - 1);
    const lastEvent = Math.max(...thread.events.filter((e) => e.at < end).map((e) => e.at));
    return {
      id: thread.id,
      sequence,
      reference: formatQuestionReference(sequence),
      residentPartyId: thread.residentPartyId,
      topicId: thread.topicId,
      status,
      confidential: thread.confidential,
      dueAt: thread.dueAt,
      teamId: thread.teamId,
      employeeId: thread.employeeId,
      openedAt: new Date(thread.openedAt),
      resolvedAt: status === "resolved" ? new Date(lastResolved(thread, end)) : null,
      lastActivityAt: new Date(Math.max(lastActivity.get(thread.id) ?? thread.openedAt, lastEvent)),
      statusChanges: statusChanges(thread, end - 1),
    };
  });
}

/**
 * A thread's status events up to `until` as changes, in the order statusAt reads them (by time; of
 * events at the same time the one set last counts): each status that differs from the one before.
 */
function statusChanges(thread: Thread, until: number): GeneratedStatusChange[] {
  const events = thread.events
    .map((event, index) => ({ ...event, index }))
    .filter((event) => event.at <= until)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const changes: GeneratedStatusChange[] = [];
  let status: QuestionStatus = "open";
  for (const event of events) {
    if (event.status === status) continue;
    changes.push({ from: status, to: event.status, at: new Date(event.at) });
    status = event.status;
  }
  return changes;
}

function lastResolved(thread: Thread, end: number): number {
  let at = thread.openedAt;
  for (const event of thread.events)
    if (event.status === "resolved" && event.at < end && event.at >= at) at = event.at;
  return at;
}

/** About half the parties who made contact were first recorded at that contact; the others were known before. */
function settlePartyCreation(
  world: World,
  parties: GeneratedMunicipality["parties"],
  interactions: GeneratedMunicipality["interactions"],
) {
  const firstContact = new Map<string, number>();
  for (const interaction of interactions) {
    const id = interaction.direction === "inbound" ? interaction.involvement.partyId : null;
    if (id && !firstContact.has(id)) firstContact.set(id, interaction.occurredAt.getTime());
  }
  for (const party of parties) {
    const first = firstContact.get(party.id);
    if (first !== undefined && party.identityLevel === "address-based" && chance(world.rng, 0.45))
      party.createdAt = new Date(first);
  }
}

/**
 * What ingest suggests for a contact that opened a new question (decideThreading): the questions it quoted
 * whose resident the sender is not, and the resident's other questions on the same topic that were still
 * open and active within the suggestion window (as the staff's handling left them at that moment).
 */
function suggestThreads(world: World, ordered: GeneratedInteraction[]): GeneratedThreadingSuggestion[] {
  const rng = forkRng(world.rng, "threading-suggestions");
  const windowMs = DEFAULT_SUGGESTION_WINDOW_DAYS * 86_400_000;
  const lastActivity = new Map<string, number>();
  const byResident = new Map<string, Thread[]>();
  const suggestions: GeneratedThreadingSuggestion[] = [];
  for (const interaction of ordered) {
    const at = interaction.occurredAt.getTime();
    const thread = world.threadsById.get(interaction.questionId);
    if (!thread) continue;
    if (interaction.direction === "inbound" && interaction.threading === "new") {
      const seen = new Set<string>();
      const suggest = (questionId: string, reason: GeneratedThreadingSuggestion["reason"]) => {
        if (seen.has(questionId)) return;
        seen.add(questionId);
        suggestions.push({
          id: seededUuid(rng),
          interactionId: interaction.id,
          questionId,
          reason,
          createdAt: new Date(at),
        });
      };
      for (const match of `${interaction.subject ?? ""}\n${interaction.text}`.matchAll(
        /\{\{ref:([0-9a-f-]{36})\}\}/g,
      ))
        if (world.threadsById.has(match[1] as string))
          suggest(match[1] as string, "reference-from-other-party");
      const resident = thread.residentPartyId;
      if (resident !== null && interaction.channelTopicId !== null) {
        const open = (byResident.get(resident) ?? [])
          .filter(
            (other) =>
              other.topicId === interaction.channelTopicId &&
              statusAt(other, at) !== "resolved" &&
              (lastActivity.get(other.id) ?? other.openedAt) >= at - windowMs,
          )
          .sort(
            (a, b) => (lastActivity.get(b.id) ?? 0) - (lastActivity.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1),
          );
        for (const other of open) suggest(other.id, "same-topic-open-question");
      }
      if (resident !== null) {
        const list = byResident.get(resident);
        if (list) list.push(thread);
        else byResident.set(resident, [thread]);
      }
    }
    lastActivity.set(thread.id, Math.max(lastActivity.get(thread.id) ?? 0, at));
  }
  return suggestions;
}

function onBehalfOf(client: Client): OnBehalf {
  const subject = client.subject;
  return {
    relation: client.representative?.kind ?? "other",
    name: subject.displayName,
    givenName: subject.givenName,
    age: client.person?.age ?? null,
  };
}

function profileOf(client: Client): GroundTruthResident["profile"] {
  const person = (client.person ?? client.organisation?.contact) as Person;
  return {
    background: client.person ? person.background : "organisation",
    age: person.age,
    district: person.district.name,
    language: person.language,
    digitalSkill: person.skill,
    daytimeAvailability: person.daytimeAvailability,
    habits: person.habits,
    lowIncome: person.lowIncome,
    representedBy: client.representative?.person.party.id ?? null,
  };
}
