export { registerReplyRoutes } from "./replies.routes";
export { type ReplyInput, replyToQuestion } from "./reply-to-question";
export { suggestReplyChannel } from "./suggest-reply-channel";
