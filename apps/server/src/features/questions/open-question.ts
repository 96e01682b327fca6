import { schema, type Tx } from "@omniloket/db";
import {
  type Channel,
  computeDueAt,
  defaultWorkingCalendar,
  formatQuestionReference,
  routeByTopic,
} from "@omniloket/domain";
import { eq, sql } from "drizzle-orm";
import { tenantSettings } from "../organisation";

export type NewQuestion = { id: string; reference: string; teamId: string | null };

/** A new question: our reference, routed to the team for its topic (or the general team), with its due time. */
export async function openQuestion(
  tx: Tx,
  input: {
    tenantId: string;
    residentPartyId: string | null;
    topicId: string | null;
    channel: Channel;
    confidential: boolean;
    openedAt: Date;
  },
): Promise<NewQuestion> {
  const [seq] = await tx
    .execute<{ value: string }>(sql`SELECT nextval('question_reference_seq')::text AS value`)
    .then((r) => (r as unknown as { rows: Array<{ value: string }> }).rows);
  if (!seq) throw new Error("no sequence value");
  const sequence = BigInt(seq.value);
  const teams = await tx
    .select({ id: schema.teams.id, topicIds: schema.teams.topicIds, isGeneral: schema.teams.isGeneral })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, input.tenantId));
  const teamId = routeByTopic(input.topicId, teams);
  const { serviceNorms } = await tenantSettings(tx, input.tenantId);
  const dueAt =
    computeDueAt(input.openedAt, serviceNorms, input.topicId, input.channel, defaultWorkingCalendar)?.dueAt ??
    null;
  const reference = formatQuestionReference(sequence);
  const [row] = await tx
    .insert(schema.questions)
    .values({
      tenantId: input.tenantId,
      reference,
      sequence,
      residentPartyId: input.residentPartyId,
      topicId: input.topicId,
      status: "open",
      confidential: input.confidential,
      dueAt,
      teamId,
      openedAt: input.openedAt,
      lastActivityAt: input.openedAt,
    })
    .returning({ id: schema.questions.id });
  if (!row) throw new Error("question insert returned nothing");
  return { id: row.id, reference, teamId };
}
