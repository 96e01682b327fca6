export { type Classification, classifyText } from "./classify";
export {
  type Evaluation,
  evaluateLanguageDetection,
  evaluateShippedClassifier,
  scoreModel,
  type TopicScore,
} from "./evaluate";
export { DETECTED_LANGUAGES, detectLanguage, ISO_639_3, type Language, type LanguageGuess } from "./language";
export {
  type Contribution,
  type Prediction,
  predict,
  type TopicModel,
  type TrainingExample,
  type TrainOptions,
  train,
} from "./model";
export { stemDutch } from "./stemmer";
export { featuresOf, normalizeText, type Token, tokenize } from "./tokenize";
export {
  languageExamples,
  type Register,
  type ShippedExample,
  shippedTopicExamples,
  splitExamples,
} from "./training";
