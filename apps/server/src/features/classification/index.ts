export { startClassificationWorker } from "./classification-worker";
export { type ClassifyUnknownResult, classifyUnknownQuestions } from "./classify-unknown-questions";
export { questionClassification } from "./question-classification";
export { questionText } from "./question-text";
export { recordTopicCorrection } from "./record-topic-correction";
export { correctionExamples, retrainTopicModel, tenantTopicModel, topicModelAt } from "./tenant-topic-model";
