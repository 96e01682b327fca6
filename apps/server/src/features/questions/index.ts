export { getQuestion } from "./get-question";
export { questionAccessFor } from "./question-access";
export { registerQuestionRoutes } from "./questions.routes";
