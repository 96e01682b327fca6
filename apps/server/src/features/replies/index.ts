export { type OutboundContact, recordOutboundContact } from "./record-outbound-contact";
export { registerReplyRoutes } from "./replies.routes";
export { loadReplyFacts } from "./reply-facts";
export { type ReplyInput, replyToQuestion } from "./reply-to-question";
export { type ConfirmationInput, sendConfirmation } from "./send-confirmation";
export { suggestReplyChannel } from "./suggest-reply-channel";
