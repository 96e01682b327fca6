export { jaroWinkler } from "./jaro-winkler";
export { normalisePostcode, type PostcodeProblem } from "./postcode";
export {
  type IdentityLevel,
  type MergeReason,
  type MergeSuggestion,
  type PartyProfile,
  type SuggestMergesOptions,
  suggestMerges,
} from "./suggest-merges";
