export { REFERENCE_ALPHABET } from "./alphabet";
export { findQuestionReferences } from "./find-question-references";
export {
  formatQuestionReference,
  type ParsedQuestionReference,
  parseQuestionReference,
  REFERENCE_PREFIX,
  type ReferenceProblem,
} from "./question-reference";
