import type { QuestionAccessFacts } from "../../platform/auth/need-to-know";
import type { LiveEvent } from "../../platform/events";

/**
 * An event on its way to the streams: the NOTIFY payload (or a replayed outbox row) together with the
 * question's current need-to-know facts, so each stream can decide without a query of its own.
 */
export type LiveDelivery = {
  eventId: string;
  tenantId: string;
  type: LiveEvent["type"];
  questionId: string;
  interactionId?: string;
  taskId?: string;
  /** Set: only this employee's streams get the event. */
  employeeId?: string;
  partyId?: string;
  /** Null when the question no longer exists in this tenant: nobody gets the event. */
  question: QuestionAccessFacts | null;
};

/** What a browser receives: ids only. */
export type LiveMessage = {
  id: string;
  type: LiveEvent["type"];
  data: {
    questionId: string;
    interactionId?: string;
    taskId?: string;
    partyId?: string;
    teamId: string | null;
  };
};

export function toLiveMessage(delivery: LiveDelivery): LiveMessage {
  return {
    id: delivery.eventId,
    type: delivery.type,
    data: {
      questionId: delivery.questionId,
      ...(delivery.interactionId ? { interactionId: delivery.interactionId } : {}),
      ...(delivery.taskId ? { taskId: delivery.taskId } : {}),
      ...(delivery.partyId ? { partyId: delivery.partyId } : {}),
      teamId: delivery.question?.teamId ?? null,
    },
  };
}
