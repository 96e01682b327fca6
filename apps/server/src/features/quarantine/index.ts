export { listQuarantinedMessages } from "./list-quarantined-messages";
export { type QuarantineInput, quarantineMessage } from "./quarantine-message";
