export { registerCounterVisit } from "./register-counter-visit";
export { registerLetter } from "./register-letter";
export { registerRegistrationRoutes } from "./registrations.routes";
