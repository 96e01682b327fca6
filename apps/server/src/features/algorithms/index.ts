export {
  type AlgorithmEntry,
  algorithmRegisterEntries,
  type ClassifierFigures,
  describeParameters,
  describeRule,
  FILL_IN,
  type RegisterContext,
} from "./algorithm-register";
export { CLASSIFIER_EVALUATION, exportAlgorithmRegister, registerTenant } from "./export-algorithm-register";
export { PUBLICATIESTANDAARD_SCHEMA, validateRegisterEntries } from "./validate-entries";
