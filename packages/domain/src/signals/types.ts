/**
 * Signals (issue 7): pure rules over one resident's facts that point out someone who may be stuck or
 * whose questions point at an underlying need. A signal never contacts anyone; it is a suggestion for
 * an employee's worklist and carries the evidence it was found on and the rule version that found it.
 */

/** One of the resident's questions, as Omniloket recorded it. */
export type SignalQuestion = {
  id: string;
  reference: string;
  /** The recorded topic, else a topic the classifier predicted from the text (see `topicSource`), else null. */
  topicId: string | null;
  topicSource: "recorded" | "predicted" | null;
  status: string;
  openedAt: Date;
  resolvedAt: Date | null;
  dueAt: Date | null;
  teamId: string | null;
};

/** One contact on the resident's timeline (both directions). */
export type SignalContact = {
  id: string;
  questionId: string;
  channel: string;
  direction: "inbound" | "outbound";
  occurredAt: Date;
  subject: string | null;
  text: string;
};

/** A callback request or back-office task on one of the resident's questions. */
export type SignalTask = {
  id: string;
  questionId: string;
  kind: string;
  status: string;
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
};

/** A status change of a question, from its status history (question_status_changes). */
export type SignalStatusChange = { questionId: string; from: string; to: string; at: Date; sourceId: string };

/** A question moving to another team or employee (transfer, topic change, classification). */
export type SignalTransfer = {
  questionId: string;
  from: string | null;
  to: string | null;
  at: Date;
  sourceId: string;
};

export type ResidentFacts = {
  partyId: string;
  questions: readonly SignalQuestion[];
  contacts: readonly SignalContact[];
  tasks: readonly SignalTask[];
  statusChanges: readonly SignalStatusChange[];
  transfers: readonly SignalTransfer[];
};

export type SignalEvidence = {
  questionIds: string[];
  contactIds: string[];
  taskIds: string[];
  /** Rule-specific facts (channels, words found, days of silence…), small and free of free text. */
  details: Record<string, unknown>;
};

export type Signal = {
  ruleId: string;
  ruleVersion: number;
  partyId: string;
  /** Stable for the same finding, so evaluating again updates the signal instead of adding one. */
  key: string;
  /** When the condition was first met. */
  at: Date;
  /** A short Dutch explanation for the employee. */
  explanation: string;
  evidence: SignalEvidence;
};

export type SignalRule<P extends Record<string, unknown> = Record<string, unknown>> = {
  id: string;
  version: number;
  /** Dutch, for the worklist and the algorithm register. */
  description: string;
  parameters: P;
  evaluate(facts: ResidentFacts, now: Date, parameters?: Partial<P>): Signal[];
};

export const DAY_MS = 86_400_000;
