export { jaroWinkler } from "./jaro-winkler";
export { normaliseName } from "./normalise-text";
export { normalisePostcode, type PostcodeProblem } from "./postcode";
export {
  type IdentityLevel,
  type MergeReason,
  type MergeSuggestion,
  type PartyProfile,
  type SuggestMergesOptions,
  suggestMerges,
} from "./suggest-merges";
