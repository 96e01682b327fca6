export {
  createDemoMailbox,
  DEMO_MAILBOX_SIZE,
  type DemoMail,
  type DemoMailbox,
  demoMailboxFor,
} from "./demo-mailbox";
export { createEmailSender } from "./email-sender";
export { type ImapSettings, type RunningImapPoller, startImapPolling } from "./imap-poller";
export { type InboundEmail, parseEmail, threadKeyOf } from "./parse-email";
export { type ReceiveEmailResult, receiveEmail } from "./receive-email";
export { type RunningSmtpInbound, startSmtpInbound } from "./smtp-inbound";
