export { registerCallRoutes } from "./calls.routes";
export { type CallEvent, recordCallEvent } from "./record-call-event";
export { wrapUpCall } from "./wrap-up-call";
