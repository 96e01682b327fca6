import type { IngestInteraction } from "@omniloket/contract";
import { normaliseIdentifier } from "@omniloket/domain";
import { malformedBody } from "../channel-errors";
import { toIngest } from "../to-ingest";
import type { WhatsappMessage } from "./whatsapp-payload";

// What an employee sees for content we do not store yet; media download is a later step.
const placeholders: Record<string, string> = {
  image: "[afbeelding ontvangen]",
  video: "[video ontvangen]",
  audio: "[spraakbericht ontvangen]",
  voice: "[spraakbericht ontvangen]",
  document: "[document ontvangen]",
  sticker: "[sticker ontvangen]",
  location: "[locatie ontvangen]",
  contacts: "[contactgegevens ontvangen]",
  reaction: "[reactie ontvangen]",
};

function textOf(message: WhatsappMessage): string {
  if (message.type === "text") return message.text?.body ?? "";
  const extra = message as Record<string, unknown>;
  const caption = (extra[message.type] as { caption?: unknown } | undefined)?.caption;
  const buttonText =
    message.type === "button" ? (extra.button as { text?: unknown } | undefined)?.text : null;
  if (typeof buttonText === "string") return buttonText;
  const placeholder = placeholders[message.type] ?? "[bericht ontvangen dat we nog niet kunnen tonen]";
  return typeof caption === "string" && caption !== "" ? `${placeholder} ${caption}` : placeholder;
}

/** One Cloud API message as one inbound contact; the WhatsApp number identifies the resident. */
export function whatsappMessageToIngest(message: WhatsappMessage, path: string): IngestInteraction {
  const number = normaliseIdentifier("whatsapp", `+${message.from}`);
  if (!number.ok) throw malformedBody(`${path}.from`, "geen geldig WhatsApp-nummer.");
  return toIngest({
    channel: "whatsapp",
    externalId: message.id,
    direction: "inbound",
    occurredAt: new Date(Number(message.timestamp) * 1000).toISOString(),
    text: textOf(message),
    sender: { identifiers: [{ kind: "whatsapp", value: number.value }] },
  });
}
