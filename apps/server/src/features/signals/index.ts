export { evaluateSignalsOnDemo, type RuleScore, TRUTH_OF_RULE } from "./evaluate-demo";
export {
  DEFAULT_LOOKBACK_DAYS,
  emptyCounts,
  evaluateResidentSignals,
  type SignalCounts,
} from "./evaluate-signals";
export { loadResidentFacts } from "./load-resident-facts";
export { PROACTIVE_PURPOSE, withdrawnProactiveConsent } from "./proactive-consent";
export { rescanSignals } from "./rescan-signals";
export { startSignalsWorker } from "./signals-worker";
