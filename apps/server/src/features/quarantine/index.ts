export { type QuarantineInput, quarantineMessage } from "./quarantine-message";
