export {
  DEFAULT_SUGGESTION_WINDOW_DAYS,
  decideThreading,
  type QuotedReference,
  type ThreadingDecision,
  type ThreadingInput,
  type ThreadingSuggestion,
} from "./decide-threading";
