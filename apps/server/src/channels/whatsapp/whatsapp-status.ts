import type { DeliveryStatus } from "../../features/delivery";
import type { WhatsappStatus } from "./whatsapp-payload";

const statuses: Record<string, DeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
};

/** The delivery status a Cloud API status update reports, or null for ones we do not track (deleted…). */
export function whatsappDeliveryStatus(
  update: WhatsappStatus,
): { status: DeliveryStatus; error?: string } | null {
  const status = statuses[update.status];
  if (!status) return null;
  const first = update.errors?.[0];
  if (status !== "failed" || !first) return { status };
  return { status, error: `WhatsApp-foutcode ${first.code ?? "?"}${first.title ? `: ${first.title}` : ""}` };
}
