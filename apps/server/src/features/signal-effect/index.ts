export { type Distribution, distribution } from "./distribution";
export { buildEffectReport, type EffectReport } from "./effect-report";
export {
  DIMENSION_NL,
  FAIRNESS_DIMENSIONS,
  type FairnessDimension,
  type FairnessGroup,
  fairnessGroups,
  MIN_GROUP_RESIDENTS,
  type ResidentGroupFacts,
} from "./fairness-groups";
export { EFFECT_WINDOWS_DAYS, measureSignalEffects, type SignalEffect } from "./measure-signal-effects";
export { type EffectReportView, readEffectReport } from "./read-effect-report";
export { registerSignalEffectRoutes } from "./signal-effect.routes";
export { type RuleEffect, summariseRules } from "./summarise-rules";
