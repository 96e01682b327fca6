import { z } from "zod";
import type { CallEvent } from "../../features/calls";

/** The CTI webhook's JSON, one event per request; `to` is the municipality's number that was called. */
export const ctiPayloadSchema = z.discriminatedUnion("event", [
  z.object({
    event: z.literal("call.offered"),
    callId: z.string().min(1).max(200),
    to: z.string().min(3).max(40),
    from: z.string().max(40).nullable().default(null),
    at: z.iso.datetime({ offset: true }).optional(),
    ivrChoice: z.string().max(40).optional(),
    queueSeconds: z.number().int().min(0).max(86_400).optional(),
  }),
  z.object({
    event: z.literal("call.answered"),
    callId: z.string().min(1).max(200),
    to: z.string().min(3).max(40),
    at: z.iso.datetime({ offset: true }).optional(),
    employeeEmail: z.string().min(3).max(320),
    queueSeconds: z.number().int().min(0).max(86_400).optional(),
  }),
  z.object({
    event: z.literal("call.ended"),
    callId: z.string().min(1).max(200),
    to: z.string().min(3).max(40),
    at: z.iso.datetime({ offset: true }).optional(),
    durationSeconds: z.number().int().min(0).max(86_400).optional(),
    recordingUrl: z.url().max(2000).optional(),
    transcriptUrl: z.url().max(2000).optional(),
  }),
]);
export type CtiPayload = z.infer<typeof ctiPayloadSchema>;

export function toCallEvent(payload: CtiPayload, now: Date): CallEvent {
  const at = payload.at ? new Date(payload.at) : now;
  switch (payload.event) {
    case "call.offered":
      return {
        type: payload.event,
        callId: payload.callId,
        from: payload.from,
        at,
        ivrChoice: payload.ivrChoice,
        queueSeconds: payload.queueSeconds,
      };
    case "call.answered":
      return {
        type: payload.event,
        callId: payload.callId,
        at,
        employeeEmail: payload.employeeEmail,
        queueSeconds: payload.queueSeconds,
      };
    case "call.ended":
      return {
        type: payload.event,
        callId: payload.callId,
        at,
        durationSeconds: payload.durationSeconds,
        recordingUrl: payload.recordingUrl,
        transcriptUrl: payload.transcriptUrl,
      };
  }
}
