export { type BrokenPromiseParameters, brokenPromiseRule } from "./broken-promise";
export { type ChannelHoppingParameters, channelHoppingRule } from "./channel-hopping";
export {
  ESCALATION_LEXICON,
  type EscalatingLanguageParameters,
  escalatingLanguageRule,
  escalationIn,
} from "./escalating-language";
export { type LongSilenceParameters, longSilenceRule } from "./long-silence";
export { type NeedClusterParameters, needClusterRule } from "./need-cluster";
export { type PingPongParameters, pingPongRule } from "./ping-pong";
export { type ReopenedParameters, reopenedRule } from "./reopened";
export { type RepeatContactParameters, repeatContactRule } from "./repeat-contact";
export { evaluateSignals, SIGNAL_RULES, STUCK_RULE_IDS } from "./rules";
export type {
  ResidentFacts,
  Signal,
  SignalContact,
  SignalEvidence,
  SignalQuestion,
  SignalRule,
  SignalStatusChange,
  SignalTask,
  SignalTransfer,
} from "./types";
