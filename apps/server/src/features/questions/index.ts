export { decideThreadingSuggestion } from "./decide-threading-suggestion";
export { getQuestion } from "./get-question";
export { mergeQuestions } from "./merge-questions";
export { moveInteraction } from "./move-interaction";
export { type NewQuestion, openQuestion } from "./open-question";
export { questionAccessFor } from "./question-access";
export { registerQuestionRoutes } from "./questions.routes";
export { splitQuestion } from "./split-question";
export { registerThreadingRoutes } from "./threading.routes";
