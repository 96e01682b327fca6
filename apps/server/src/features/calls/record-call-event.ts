import { type Database, schema } from "@omniloket/db";
import { isKnownTopic } from "@omniloket/domain";
import { and, eq, sql } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import { publishEvent } from "../../platform/events";
import { ingestInteraction } from "../ingest";
import type { PhoneSettings } from "../organisation";

/** What a telephony platform (CTI) tells us about one call. */
export type CallEvent =
  | {
      type: "call.offered";
      callId: string;
      from: string | null;
      at: Date;
      ivrChoice?: string;
      queueSeconds?: number;
    }
  | { type: "call.answered"; callId: string; at: Date; employeeEmail: string; queueSeconds?: number }
  | {
      type: "call.ended";
      callId: string;
      at: Date;
      durationSeconds?: number;
      recordingUrl?: string;
      transcriptUrl?: string;
    };

const unknownCall = () =>
  new AppError(
    "unknown-call",
    "not-found",
    "Dit gesprek is niet bekend. Stuur eerst het bericht dat het gesprek binnenkomt.",
  );

async function findCall(database: Database, tenantId: string, callId: string) {
  const [row] = await database.db
    .select({
      id: schema.interactions.id,
      questionId: schema.interactions.questionId,
      employeeId: schema.interactions.employeeId,
    })
    .from(schema.interactions)
    .where(
      and(
        eq(schema.interactions.tenantId, tenantId),
        eq(schema.interactions.channel, "phone"),
        eq(schema.interactions.externalId, callId),
      ),
    );
  return row;
}

async function addMetadata(
  database: Database,
  interactionId: string,
  metadata: Record<string, unknown>,
  employeeId?: string,
) {
  await database.db
    .update(schema.interactions)
    .set({
      metadata: sql`${schema.interactions.metadata} || ${JSON.stringify(metadata)}::jsonb`,
      ...(employeeId ? { employeeId } : {}),
    })
    .where(eq(schema.interactions.id, interactionId));
}

/**
 * A call offered creates the phone interaction through ingest (the caller's number identifies the
 * resident, address-based; the IVR choice sets the topic); "answered" records the employee and pops the
 * resident up on that employee's live stream; "ended" records duration and recording or transcript links.
 */
export async function recordCallEvent(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: { tenantId: string; phone: PhoneSettings; event: CallEvent },
): Promise<{ interactionId: string; questionId: string }> {
  const { database } = deps;
  const { event, tenantId } = input;
  if (event.type === "call.offered") {
    const mapped = event.ivrChoice
      ? (input.phone.ivrTopics?.[event.ivrChoice] ?? event.ivrChoice)
      : undefined;
    const result = await ingestInteraction(deps, {
      tenantId,
      interaction: {
        channel: "phone",
        externalId: event.callId,
        occurredAt: event.at.toISOString(),
        direction: "inbound",
        text: "",
        language: "nld",
        topicId: mapped && isKnownTopic(mapped) ? mapped : undefined,
        inReplyTo: [],
        sender: { kind: "person", identifiers: event.from ? [{ kind: "phone", value: event.from }] : [] },
        subjectLinks: [],
        attachments: [],
        confidential: false,
      },
    });
    if (!result.repeated) {
      await addMetadata(database, result.interactionId, {
        callStatus: "offered",
        ivrChoice: event.ivrChoice ?? null,
        queueSeconds: event.queueSeconds ?? null,
      });
    }
    return { interactionId: result.interactionId, questionId: result.questionId };
  }

  const call = await findCall(database, tenantId, event.callId);
  if (!call) throw unknownCall();
  if (event.type === "call.ended") {
    await addMetadata(database, call.id, {
      callStatus: "ended",
      endedAt: event.at.toISOString(),
      durationSeconds: event.durationSeconds ?? null,
      recordingUrl: event.recordingUrl ?? null,
      transcriptUrl: event.transcriptUrl ?? null,
    });
    return { interactionId: call.id, questionId: call.questionId };
  }

  const [employee] = await database.db
    .select({ id: schema.employees.id })
    .from(schema.employees)
    .where(
      and(
        eq(schema.employees.tenantId, tenantId),
        eq(schema.employees.email, event.employeeEmail.trim().toLowerCase()),
      ),
    );
  const alreadyPopped = employee !== undefined && call.employeeId === employee.id;
  await addMetadata(
    database,
    call.id,
    { callStatus: "answered", answeredAt: event.at.toISOString(), queueSeconds: event.queueSeconds ?? null },
    employee?.id,
  );
  if (employee && !alreadyPopped) {
    const [question] = await database.db
      .select({ residentPartyId: schema.questions.residentPartyId, teamId: schema.questions.teamId })
      .from(schema.questions)
      .where(eq(schema.questions.id, call.questionId));
    await publishEvent(
      database.db,
      {
        tenantId,
        type: "call.answered",
        questionId: call.questionId,
        interactionId: call.id,
        teamId: question?.teamId ?? null,
        employeeId: employee.id,
        ...(question?.residentPartyId ? { partyId: question.residentPartyId } : {}),
      },
      deps.clock(),
    );
  }
  return { interactionId: call.id, questionId: call.questionId };
}
