import type { Senders } from "../features/delivery";
import type { Config } from "../platform/config";
import { createEmailSender } from "./email";
import { smsSender } from "./sms";
import { whatsappSender } from "./whatsapp";

/** The outbound half of every channel adapter; email only when a relay is configured. */
export function channelSenders(config: Config): Senders {
  return {
    sms: smsSender,
    whatsapp: whatsappSender,
    ...(config.smtpRelayUrl ? { email: createEmailSender(config.smtpRelayUrl) } : {}),
  };
}
