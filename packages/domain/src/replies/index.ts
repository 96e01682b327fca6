export {
  chooseReplyChannel,
  isDigitalReplyChannel,
  REPLY_CHANNELS,
  type ReplyChannel,
  type ReplyChannelChoice,
  type ReplyChannelFacts,
  type ReplyChannelReason,
  replyChannelFor,
} from "./choose-reply-channel";
