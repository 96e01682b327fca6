import type { Senders } from "../features/delivery";
import type { Config } from "../platform/config";
import { createEmailSender, type DemoMailbox } from "./email";
import { smsSender } from "./sms";
import { whatsappSender } from "./whatsapp";

/**
 * The outbound half of every channel adapter. Email goes through the configured relay; without one,
 * in demo mode, into the demo mailbox; otherwise there is no email sender.
 */
export function channelSenders(config: Config, demoMailbox: DemoMailbox | null = null): Senders {
  const email = config.smtpRelayUrl ? createEmailSender(config.smtpRelayUrl) : demoMailbox;
  return {
    sms: smsSender,
    whatsapp: whatsappSender,
    ...(email ? { email } : {}),
  };
}
