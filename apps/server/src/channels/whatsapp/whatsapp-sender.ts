import { type ChannelSender, SendError } from "../../features/delivery";
import { postToProvider } from "../provider-request";

export const WHATSAPP_BASE_URL = "https://graph.facebook.com";

// Cloud API templates are approved per language in its own codes; ours are ISO 639-2/B.
const templateLanguages: Record<string, string> = {
  nld: "nl",
  eng: "en",
  deu: "de",
  fra: "fr",
  tur: "tr",
  ara: "ar",
  pol: "pl",
};

/** Sends through the WhatsApp Cloud API (or a compatible one at the tenant's base URL). */
export const whatsappSender: ChannelSender = {
  channel: "whatsapp",
  async send(message, settings) {
    const whatsapp = settings.whatsapp;
    if (!whatsapp) throw new SendError("WhatsApp is voor deze gemeente niet ingesteld.", false);
    const to = message.to.replace(/^\+/, "");
    let payload: Record<string, unknown>;
    if (message.template) {
      if (whatsapp.templates && !whatsapp.templates.includes(message.template))
        throw new SendError(`Sjabloon "${message.template}" is niet goedgekeurd.`, false);
      payload = {
        messaging_product: "whatsapp",
        to,
        type: "template",
        template: { name: message.template, language: { code: templateLanguages[message.language] ?? "nl" } },
      };
    } else {
      payload = { messaging_product: "whatsapp", to, type: "text", text: { body: message.text } };
    }
    const base = (whatsapp.baseUrl ?? WHATSAPP_BASE_URL).replace(/\/+$/, "");
    const body = await postToProvider(
      "WhatsApp",
      `${base}/v20.0/${encodeURIComponent(whatsapp.phoneNumberId)}/messages`,
      {
        headers: { authorization: `Bearer ${whatsapp.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(payload),
      },
    );
    const id = (body as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
    // Accepted without an id: the message may be on its way, so a retry could send it twice.
    if (typeof id !== "string" || id === "")
      throw new SendError("WhatsApp gaf geen bericht-id terug.", false);
    return { providerMessageId: id };
  },
};
