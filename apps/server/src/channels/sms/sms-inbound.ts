import type { IngestInteraction } from "@omniloket/contract";
import { missingField } from "../channel-errors";
import { toIngest } from "../to-ingest";
import type { TwilioForm } from "./twilio-form";

/** Twilio's messaging webhook as one inbound contact: the sending number identifies the resident. */
export function smsToIngest(form: TwilioForm): IngestInteraction {
  const from = form.get("From");
  if (!from) throw missingField("From");
  const messageSid = form.get("MessageSid") ?? form.get("SmsSid");
  if (!messageSid) throw missingField("MessageSid");
  // An empty text is a real SMS, but Twilio always sends the Body parameter.
  const body = form.params.find(([key]) => key === "Body")?.[1];
  if (body === undefined) throw missingField("Body");
  return toIngest({
    channel: "sms",
    externalId: messageSid,
    direction: "inbound",
    text: body,
    sender: { identifiers: [{ kind: "phone", value: from }] },
  });
}
