import { brokenPromiseRule } from "./broken-promise";
import { channelHoppingRule } from "./channel-hopping";
import { escalatingLanguageRule } from "./escalating-language";
import { longSilenceRule } from "./long-silence";
import { needClusterRule } from "./need-cluster";
import { pingPongRule } from "./ping-pong";
import { reopenedRule } from "./reopened";
import { repeatContactRule } from "./repeat-contact";
import type { ResidentFacts, Signal, SignalRule } from "./types";

/** Every signal rule, in the order the worklist shows them. */
export const SIGNAL_RULES: readonly SignalRule<Record<string, unknown>>[] = [
  repeatContactRule,
  channelHoppingRule,
  brokenPromiseRule,
  reopenedRule,
  longSilenceRule,
  escalatingLanguageRule,
  pingPongRule,
  needClusterRule,
] as unknown as readonly SignalRule<Record<string, unknown>>[];

/** Rules that point at a resident who may be stuck (need clusters point at a need instead). */
export const STUCK_RULE_IDS: readonly string[] = [
  "repeat-contact",
  "channel-hopping",
  "broken-promise",
  "reopened",
  "long-silence",
  "escalating-language",
  "ping-pong",
];

/** All rules over one resident's facts. */
export function evaluateSignals(
  facts: ResidentFacts,
  now: Date,
  rules: readonly SignalRule<Record<string, unknown>>[] = SIGNAL_RULES,
): Signal[] {
  return rules.flatMap((rule) => rule.evaluate(facts, now));
}
