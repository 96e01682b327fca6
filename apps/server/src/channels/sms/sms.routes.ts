import type { Context } from "hono";
import { recordDeliveryStatus } from "../../features/delivery";
import { ingestInteraction } from "../../features/ingest";
import { tenantForChannelAddress } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { channelBodyLimit } from "../channel-body-limit";
import { badSignature, malformedBody, missingField, unknownChannelAddress } from "../channel-errors";
import { signedUrlCandidates } from "../request-urls";
import { smsToIngest } from "./sms-inbound";
import { readTwilioForm, type TwilioForm } from "./twilio-form";
import { verifyTwilioSignature } from "./twilio-signature";
import { twilioDeliveryStatus } from "./twilio-status";

export const SMS_WEBHOOK_PATH = "/channels/sms/twilio";
export const SMS_STATUS_PATH = "/channels/sms/twilio/status";

const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The municipality our number belongs to, once Twilio's signature with its auth token checks out. */
async function verifiedTenant(deps: AppDeps, c: Context, form: TwilioForm, ourNumberField: string) {
  const ourNumber = form.get(ourNumberField);
  if (!ourNumber) throw missingField(ourNumberField);
  const tenant = await tenantForChannelAddress(deps.database.db, "sms", ourNumber);
  const authToken = tenant?.settings.sms?.authToken;
  if (!tenant || !authToken) throw unknownChannelAddress();
  const signature = c.req.header("x-twilio-signature");
  if (!verifyTwilioSignature(authToken, signedUrlCandidates(c), form.params, signature)) throw badSignature();
  return tenant;
}

/** Twilio-compatible SMS: inbound messages and status callbacks (public; each request is signed). */
export function registerSmsRoutes(app: App, deps: AppDeps) {
  app.use("/channels/sms/*", channelBodyLimit(deps));

  app.post(SMS_WEBHOOK_PATH, async (c) => {
    const form = await readTwilioForm(c);
    const tenant = await verifiedTenant(deps, c, form, "To");
    await ingestInteraction(deps, { tenantId: tenant.tenantId, interaction: smsToIngest(form) });
    return c.body(emptyTwiml, 200, { "content-type": "text/xml; charset=utf-8" });
  });

  app.post(SMS_STATUS_PATH, async (c) => {
    const form = await readTwilioForm(c);
    // A status callback is about our message, so our number is the sender.
    const tenant = await verifiedTenant(deps, c, form, "From");
    const messageSid = form.get("MessageSid") ?? form.get("SmsSid");
    if (!messageSid) throw missingField("MessageSid");
    const reported = form.get("MessageStatus") ?? form.get("SmsStatus");
    if (!reported) throw missingField("MessageStatus");
    const status = twilioDeliveryStatus(reported);
    if (status === "unknown") throw malformedBody("MessageStatus", "onbekende status.");
    if (status) {
      const errorCode = form.get("ErrorCode");
      await recordDeliveryStatus(
        { db: deps.database.db, clock: deps.clock },
        {
          tenantId: tenant.tenantId,
          channel: "sms",
          providerMessageId: messageSid,
          status,
          ...(errorCode ? { error: `Twilio-foutcode ${errorCode}` } : {}),
        },
      );
    }
    return c.body(null, 204);
  });
}
