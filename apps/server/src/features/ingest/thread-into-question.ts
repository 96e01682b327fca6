import type { RawQuery } from "@omniloket/db";
import {
  decideThreading,
  findQuestionReferences,
  type ServiceNorm,
  type ThreadingDecision,
} from "@omniloket/domain";
import { invalidInput } from "../../platform/errors";
import { serviceNormsFrom } from "../organisation";
import * as SQL from "./ingest-sql";

export type ThreadingFacts = {
  tenantId: string;
  /** The resident whose question this is (the represented resident for a representative). */
  residentPartyId: string | null;
  senderPartyId: string | null;
  topicId: string | null;
  subject: string | undefined;
  text: string;
  explicitQuestionId: string | undefined;
  inReplyTo: string[];
  now: Date;
  suggestionWindowDays: number;
};

export type KnownQuestion = { id: string; reference: string; teamId: string | null };

export type Threading = {
  decision: ThreadingDecision;
  /** The question the decision points at, when it is an existing one. */
  existing: KnownQuestion | null;
  teams: Array<{ id: string; topicIds: string[]; isGeneral: boolean }>;
  serviceNorms: readonly ServiceNorm[];
};

type FactsRow = {
  teams: Array<{ id: string; topicIds: string[]; isGeneral: boolean }>;
  settings: unknown;
  explicit_question: KnownQuestion | null;
  thread_key_question: KnownQuestion | null;
  quoted: Array<{ id: string; members: string[] }>;
  open_same_topic: Array<{ id: string; lastActivityAt: string }>;
};

/** Gathers what the pure threading rule and routing need in one query, then lets the rule decide. */
export async function threadIntoQuestion(query: RawQuery, facts: ThreadingFacts): Promise<Threading> {
  const references = findQuestionReferences(`${facts.subject ?? ""}\n${facts.text}`);
  const windowStart = new Date(facts.now.getTime() - facts.suggestionWindowDays * 86_400_000);
  const [row] = await query<FactsRow>(
    SQL.threadingFacts,
    [
      facts.tenantId,
      facts.explicitQuestionId ?? null,
      facts.inReplyTo,
      references,
      facts.residentPartyId,
      facts.topicId,
      windowStart,
    ],
    "ingest-threading-facts",
  );
  if (!row) throw new Error("threading facts returned nothing");
  if (facts.explicitQuestionId && !row.explicit_question) {
    throw invalidInput([
      { name: "questionId", code: "unknown-question", reason: "Deze vraag bestaat niet." },
    ]);
  }
  const canThreadByTopic = facts.residentPartyId !== null && facts.topicId !== null;
  const decision = decideThreading({
    quotedReferences: row.quoted.map((q) => ({ questionId: q.id, residentPartyIds: q.members })),
    senderPartyId: facts.senderPartyId,
    threadKeyQuestionId: row.thread_key_question?.id ?? null,
    explicitQuestionId: row.explicit_question?.id ?? null,
    openQuestionsSameTopic: canThreadByTopic
      ? row.open_same_topic.map((q) => ({ questionId: q.id, lastActivityAt: new Date(q.lastActivityAt) }))
      : [],
    now: facts.now,
    suggestionWindowDays: facts.suggestionWindowDays,
  });

  let existing: KnownQuestion | null = null;
  if (decision.kind === "existing") {
    existing =
      [row.explicit_question, row.thread_key_question].find((q) => q?.id === decision.questionId) ??
      (await query<{ id: string; reference: string; team_id: string | null }>(
        SQL.questionById,
        [decision.questionId],
        "ingest-question-by-id",
      ).then(([q]) => (q ? { id: q.id, reference: q.reference, teamId: q.team_id } : null)));
    if (!existing) throw new Error("threaded question vanished during ingest");
  }
  return { decision, existing, teams: row.teams, serviceNorms: serviceNormsFrom(row.settings) };
}
