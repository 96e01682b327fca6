export { type CannedTextInput, createCannedText } from "./create-canned-text";
export { registerKnowledgeRoutes } from "./knowledge.routes";
export { listCannedTexts } from "./list-canned-texts";
export { listKnowledgeAnswers } from "./list-knowledge-answers";
export { CANNED_TEXT_VARIABLES, fillVariables, renderCannedText } from "./render-canned-text";
export {
  createKnowledgeAnswer,
  type KnowledgeAnswerInput,
  updateKnowledgeAnswer,
} from "./save-knowledge-answer";
export { searchKnowledgeAnswers } from "./search-knowledge-answers";
export { updateCannedText } from "./update-canned-text";
