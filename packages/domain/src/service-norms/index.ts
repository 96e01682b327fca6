export { defaultCallbackNorms, defaultServiceNorms, WORKING_DAY_MINUTES } from "./default-service-norms";
export { computeDueAt, type DueDate, findServiceNorm, type ServiceNorm } from "./service-norm";
