import { defaultTopics } from "@omniloket/domain";
import { DAY } from "./clock";
import type { Person } from "./people/person";
import type { Client } from "./population";
import { chance, int, logNormal, poisson, type Rng, seededUuid, shuffle, weightedPick } from "./random";
import type { LifeEventKind, RepresentationKind } from "./types";

export type Complexity = "simple" | "normal" | "complex";

/** One real question a client has: one need on one topic. Its contacts may end up in several recorded questions. */
export type Case = {
  id: string;
  client: Client;
  /** Who makes contact: the resident, or whoever acts for them this time. */
  actor: Person;
  actingFor: { partyId: string; relation: RepresentationKind } | null;
  topicId: string;
  needId: string | null;
  lifeEvent: { index: number; kind: LifeEventKind } | null;
  startMs: number;
  complexity: Complexity;
  /** Which of the topic's typical questions this is; keeps ask, note and answer consistent. */
  variant: number;
};

export type LifeEvent = { kind: LifeEventKind; needId: string | null; atMs: number };

/** Ordinary questions per year for an average resident; tuned so 5,000 residents give about 30,000 contacts a year. */
const ORDINARY_PER_YEAR = 1.25;

const residentTopicWeights: Record<string, number> = {
  afval: 12,
  "openbare-ruimte": 10,
  parkeren: 7,
  reisdocumenten: 10,
  rijbewijs: 3,
  verhuizing: 3,
  "burgerzaken-akten": 2,
  belastingen: 10,
  kwijtschelding: 2,
  betalingsregeling: 2.5,
  inkomen: 3,
  schulden: 1.5,
  werk: 1.5,
  "zorg-wmo": 4,
  jeugd: 2,
  wonen: 3.5,
  vergunningen: 4,
  ondernemen: 1,
  overlast: 5,
  onderwijs: 1.5,
  klacht: 3,
  overig: 5,
};

const organisationTopicWeights: Record<string, number> = {
  ondernemen: 8,
  vergunningen: 8,
  belastingen: 6,
  afval: 4,
  parkeren: 3,
  "openbare-ruimte": 3,
  overlast: 2,
  klacht: 1,
  overig: 2,
};

const minorTopicWeights: Record<string, number> = { jeugd: 5, onderwijs: 5, reisdocumenten: 3, overig: 1 };

/** Share of simple and complex questions per topic; the rest is normal. */
const complexityByTopic: Record<string, [simple: number, complex: number]> = {
  afval: [0.75, 0.03],
  "openbare-ruimte": [0.45, 0.1],
  parkeren: [0.55, 0.1],
  reisdocumenten: [0.7, 0.05],
  rijbewijs: [0.6, 0.1],
  verhuizing: [0.6, 0.1],
  "burgerzaken-akten": [0.55, 0.1],
  belastingen: [0.45, 0.15],
  kwijtschelding: [0.2, 0.35],
  betalingsregeling: [0.4, 0.2],
  inkomen: [0.15, 0.45],
  schulden: [0.1, 0.55],
  werk: [0.25, 0.3],
  "zorg-wmo": [0.15, 0.45],
  jeugd: [0.1, 0.55],
  wonen: [0.15, 0.45],
  vergunningen: [0.3, 0.3],
  ondernemen: [0.35, 0.25],
  overlast: [0.25, 0.35],
  onderwijs: [0.3, 0.3],
  klacht: [0.1, 0.4],
  overig: [0.65, 0.05],
};

const seasonal: Record<string, Partial<Record<number, number>>> = {
  belastingen: { 1: 1.4, 2: 3, 3: 2 },
  kwijtschelding: { 2: 2, 3: 2 },
  reisdocumenten: { 3: 1.5, 4: 1.7, 5: 1.8, 6: 1.6 },
  afval: { 0: 1.4, 6: 1.2, 7: 1.2 },
  overlast: { 5: 1.3, 6: 1.4, 7: 1.4 },
};

type LifeEventPlan = { needId: string | null; lead: string[]; rest: string[]; extra: [number, number] };

/** Which need a life event touches and in which order its topics usually come up. */
function lifeEventPlan(rng: Rng, kind: LifeEventKind, person: Person): LifeEventPlan {
  switch (kind) {
    case "move":
      return {
        needId: "verhuizen",
        lead: ["verhuizing"],
        rest: ["parkeren", "afval", "belastingen", ...(person.hasChildren ? ["onderwijs"] : [])],
        extra: [1, 3],
      };
    case "job-loss":
      return {
        needId: "baanverlies",
        lead: ["inkomen"],
        rest: ["werk", "kwijtschelding", "schulden"],
        extra: [1, 3],
      };
    case "death-in-family":
      return {
        needId: "overlijden-naaste",
        lead: ["burgerzaken-akten"],
        rest: ["belastingen", "zorg-wmo", "inkomen", "wonen"],
        extra: [1, 3],
      };
    case "new-baby":
      return person.lowIncome
        ? {
            needId: "gezin-onder-druk",
            lead: ["burgerzaken-akten", "jeugd"],
            rest: ["inkomen", "wonen", "schulden"],
            extra: [1, 2],
          }
        : { needId: null, lead: ["burgerzaken-akten"], rest: ["reisdocumenten", "jeugd"], extra: [0, 2] };
    case "care-need":
      return { needId: "zorg-thuis", lead: ["zorg-wmo"], rest: ["parkeren", "wonen"], extra: [1, 2] };
    case "business-start":
      return {
        needId: "onderneming-starten",
        lead: ["ondernemen"],
        rest: ["vergunningen", "belastingen"],
        extra: [1, 2],
      };
    case "money-worries":
      return {
        needId: "financiele-zorgen",
        lead: [chance(rng, 0.5) ? "belastingen" : "betalingsregeling"],
        rest: ["kwijtschelding", "schulden", "inkomen", "parkeren"],
        extra: [1, 3],
      };
  }
}

function lifeEventRates(person: Person): Record<LifeEventKind, number> {
  const a = person.age;
  return {
    move: a < 35 ? 0.16 : a < 65 ? 0.08 : 0.04,
    "job-loss": a >= 22 && a < 65 && person.daytimeAvailability < 0.8 ? 0.045 : 0,
    "death-in-family": a >= 45 ? 0.035 : 0.012,
    "new-baby": a >= 24 && a <= 42 ? 0.06 : 0,
    "care-need": a >= 75 ? 0.1 : a >= 65 ? 0.05 : 0.008,
    "business-start": a >= 22 && a <= 55 ? 0.018 : 0,
    "money-worries": person.lowIncome ? 0.14 : 0.02,
  };
}

const knownTopics = new Set(defaultTopics.topics.map((topic) => topic.id));
const knownNeeds = new Map(defaultTopics.needs.map((need) => [need.id, need]));

export type CaseWindow = { startMs: number; endMs: number };

/** The life events and questions of one client over the window, in order of time. */
export function generateCases(
  rng: Rng,
  client: Client,
  window: CaseWindow,
): { cases: Case[]; lifeEvents: LifeEvent[] } {
  const years = (window.endMs - window.startMs) / (365.25 * DAY);
  const cases: Case[] = [];
  const lifeEvents: LifeEvent[] = [];
  const person = client.person;
  const isMinor = person !== null && person.age < 18;
  const activity = person?.activity ?? client.organisation?.contact.activity ?? 1;

  if (person && !isMinor) {
    for (const [kind, rate] of Object.entries(lifeEventRates(person)) as Array<[LifeEventKind, number]>) {
      if (rate <= 0 || !chance(rng, rate * years)) continue;
      const atMs = window.startMs + rng() * (window.endMs - window.startMs);
      const plan = lifeEventPlan(rng, kind, person);
      const needId = plan.needId && knownNeeds.has(plan.needId) ? plan.needId : null;
      const index = lifeEvents.push({ kind, needId, atMs }) - 1;
      const topics = [
        ...plan.lead,
        ...shuffle(rng, plan.rest).slice(0, int(rng, plan.extra[0], plan.extra[1])),
      ];
      let at = atMs + logNormal(rng, 2, 0.8) * DAY;
      for (const topicId of topics) {
        if (!knownTopics.has(topicId)) continue;
        cases.push(newCase(rng, client, topicId, needId, { index, kind }, at));
        at += logNormal(rng, 11, 0.7) * DAY;
      }
    }
  }

  const weights = client.organisation
    ? organisationTopicWeights
    : isMinor
      ? minorTopicWeights
      : personalWeights(person as Person);
  const count = poisson(
    rng,
    activity * ORDINARY_PER_YEAR * years * (client.organisation ? 1.4 : isMinor ? 0.4 : 1),
  );
  for (let i = 0; i < count; i++) {
    const topicId = weightedPick(rng, weights);
    if (!knownTopics.has(topicId)) continue;
    cases.push(newCase(rng, client, topicId, null, null, seasonalMoment(rng, topicId, window)));
  }
  cases.sort((a, b) => a.startMs - b.startMs);
  return { cases: cases.filter((c) => c.startMs < window.endMs), lifeEvents };
}

function personalWeights(person: Person): Record<string, number> {
  const w = { ...residentTopicWeights };
  const scale = (ids: string[], factor: number) => {
    for (const id of ids) w[id] = (w[id] ?? 0) * factor;
  };
  if (person.lowIncome)
    scale(["kwijtschelding", "betalingsregeling", "inkomen", "schulden", "werk", "wonen"], 2.8);
  if (person.age >= 70) scale(["zorg-wmo", "rijbewijs"], 2.5);
  if (person.age >= 70) scale(["parkeren", "ondernemen", "onderwijs"], 0.5);
  if (person.age < 30) scale(["werk", "wonen"], 1.7);
  if (person.hasChildren) scale(["jeugd", "onderwijs"], 3);
  return w;
}

function seasonalMoment(rng: Rng, topicId: string, window: CaseWindow): number {
  const factors = seasonal[topicId];
  for (;;) {
    const at = window.startMs + rng() * (window.endMs - window.startMs);
    if (!factors) return at;
    const factor = factors[new Date(at).getUTCMonth()] ?? 1;
    if (rng() * 3 < factor) return at;
  }
}

function newCase(
  rng: Rng,
  client: Client,
  topicId: string,
  needId: string | null,
  lifeEvent: Case["lifeEvent"],
  startMs: number,
): Case {
  const rep = client.representative;
  const byRepresentative = rep !== null && (client.person === null || chance(rng, rep.takesOver));
  const [simple, complex] = complexityByTopic[topicId] ?? [0.5, 0.15];
  const draw = rng();
  return {
    id: seededUuid(rng),
    client,
    actor: byRepresentative ? rep.person : (client.person as Person),
    actingFor: byRepresentative ? { partyId: client.subject.id, relation: rep.kind } : null,
    topicId,
    needId,
    lifeEvent,
    startMs,
    complexity: draw < simple ? "simple" : draw < simple + complex ? "complex" : "normal",
    variant: int(rng, 0, 59),
  };
}
