export { registerKnowledgeRoutes } from "./knowledge.routes";
export { listCannedTexts } from "./list-canned-texts";
export { CANNED_TEXT_VARIABLES, fillVariables, renderCannedText } from "./render-canned-text";
export {
  createKnowledgeAnswer,
  type KnowledgeAnswerInput,
  updateKnowledgeAnswer,
} from "./save-knowledge-answer";
export { searchKnowledgeAnswers } from "./search-knowledge-answers";
