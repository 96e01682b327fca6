export { acceptSignal } from "./accept-signal";
export { dismissSignal } from "./dismiss-signal";
export { evaluateSignalsOnDemo, type RuleScore, TRUTH_OF_RULE } from "./evaluate-demo";
export {
  DEFAULT_LOOKBACK_DAYS,
  emptyCounts,
  evaluateResidentSignals,
  type SignalCounts,
} from "./evaluate-signals";
export { listWorklist } from "./list-worklist";
export { PROACTIVE_PURPOSE, withoutProactiveConsent } from "./proactive-consent";
export { rescanSignals } from "./rescan-signals";
export { registerSignalRoutes } from "./signals.routes";
export { startSignalsWorker } from "./signals-worker";
export { snoozeSignal } from "./snooze-signal";
export { RULE_WEIGHTS, scoreSignal } from "./worklist-score";
