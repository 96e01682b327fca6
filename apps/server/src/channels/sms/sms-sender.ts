import type { ChannelSender } from "../../features/delivery";
import { SendError } from "../../features/delivery";
import { postToProvider } from "../provider-request";

export const TWILIO_BASE_URL = "https://api.twilio.com";

/** Sends an SMS through Twilio's Messages API (or a compatible one at the tenant's base URL). */
export const smsSender: ChannelSender = {
  channel: "sms",
  async send(message, settings) {
    const sms = settings.sms;
    if (!sms) throw new SendError("SMS is voor deze gemeente niet ingesteld.", false);
    const base = (sms.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, "");
    const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(sms.accountSid)}/Messages.json`;
    const body = await postToProvider("Twilio", url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams({ To: message.to, From: sms.from, Body: message.text }).toString(),
    });
    const sid = (body as { sid?: unknown } | null)?.sid;
    if (typeof sid !== "string" || sid === "")
      // Accepted without an id: the message may be on its way, so a retry could send it twice.
      throw new SendError("Twilio gaf geen bericht-id terug.", false);
    return { providerMessageId: sid };
  },
};
