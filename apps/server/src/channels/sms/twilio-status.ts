import type { DeliveryStatus } from "../../features/delivery";

/** Twilio's MessageStatus values we act on; the rest (queued, sending, accepted…) change nothing. */
const statuses: Record<string, DeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  undelivered: "failed",
};

const known = new Set([
  ...Object.keys(statuses),
  "queued",
  "sending",
  "accepted",
  "scheduled",
  "canceled",
  "receiving",
  "received",
  "partially_delivered",
]);

export function twilioDeliveryStatus(value: string): DeliveryStatus | null | "unknown" {
  if (!known.has(value)) return "unknown";
  return statuses[value] ?? null;
}
