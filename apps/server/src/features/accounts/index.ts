export { registerAccountRoutes } from "./accounts.routes";
export { addEmployee } from "./add-employee";
export { completeSecondFactor, totpFor } from "./complete-second-factor";
export { createApiToken } from "./create-api-token";
export { type CreateEmployeeInput, createEmployee } from "./create-employee";
export { logIn } from "./log-in";
