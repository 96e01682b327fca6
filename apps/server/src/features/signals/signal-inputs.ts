import type { Queryable } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { selectRows } from "../../platform/sql";
import { PROACTIVE_PURPOSE } from "./proactive-consent";

/** Raw rows of one evaluation; timestamps come as ISO text (they travel inside JSON). */
export type SignalInputs = {
  contacts: Array<{
    partyId: string | null;
    id: string;
    questionId: string;
    channel: string;
    direction: string;
    occurredAt: string;
    /** Only of inbound contacts: the rules read the resident's own words (empty for outbound ones). */
    subject: string | null;
    text: string;
  }>;
  questions: Array<{
    id: string;
    reference: string;
    residentPartyId: string | null;
    topicId: string | null;
    status: string;
    openedAt: string;
    resolvedAt: string | null;
    dueAt: string | null;
    teamId: string | null;
  }>;
  tasks: Array<{
    id: string;
    questionId: string;
    kind: string;
    status: string;
    dueAt: string | null;
    createdAt: string;
    completedAt: string | null;
  }>;
  /** The status history of those questions (question_status_changes), oldest first. */
  statusChanges: Array<{ id: string; questionId: string; from: string; to: string; at: string }>;
  /** Team moves of those questions (and employees' status changes), from the audit log. */
  audit: Array<{
    id: string;
    at: string;
    action: string;
    objectIds: string[];
    details: Record<string, unknown>;
  }>;
  /** Classification decisions for questions without a topic, newest first. */
  decided: Array<{ questionId: string; topicId: string | null }>;
  /** Consents for proactive contact of these residents, newest first. */
  consents: Array<{ partyId: string; given: boolean }>;
  /** The signals these residents already have. */
  existing: Array<{
    partyId: string;
    ruleId: string;
    ruleVersion: number;
    key: string;
    evidence: unknown;
    explanation: string;
    status: string;
  }>;
  settings: unknown;
  /** What the municipality's topic model depends on: its corrections (count, latest). */
  modelState: { n: number; latest: string | null };
};

/**
 * Everything an evaluation of some residents reads, in one statement (one round trip, one snapshot):
 * their contacts since `since` and the questions of those contacts or of which they are the resident,
 * the tasks, status history and moves between teams or employees (from the audit log) of those
 * questions, classification decisions for questions without a topic, their consents for proactive
 * contact, the signals they already have, the municipality's settings and the state of its topic
 * model. The statement is the database function `signal_inputs` (migrations 0014 to 0016), so its plan
 * is made once per connection: planning it took longer than running it. For up to FEW residents it goes
 * through `signal_inputs_few`, which keeps one generic plan (migration 0016); a rescan's batches are
 * planned for their size.
 * An evaluation after one contact was twelve round trips before.
 */
/** Up to this many residents share one generic plan (the evaluation after a contact, a worker's burst). */
const FEW = 10;

export async function loadSignalInputs(
  q: Queryable,
  input: { tenantId: string; partyIds: readonly string[]; since: Date },
): Promise<SignalInputs> {
  const [row] = await selectRows<{ inputs: SignalInputs | string }>(
    q,
    sql`SELECT ${input.partyIds.length <= FEW ? sql`signal_inputs_few` : sql`signal_inputs`}(
          ${input.tenantId}::uuid,
          string_to_array(${input.partyIds.join(",")}, ',')::uuid[],
          ${input.since.toISOString()}::timestamptz,
          ${PROACTIVE_PURPOSE}
        ) AS inputs`,
  );
  if (!row) throw new Error("signal inputs: no row");
  return typeof row.inputs === "string" ? (JSON.parse(row.inputs) as SignalInputs) : row.inputs;
}
