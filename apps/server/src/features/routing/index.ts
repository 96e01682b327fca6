export { assignQuestion } from "./assign-question";
export { listPresence, type PresenceItem } from "./list-presence";
export { registerRoutingRoutes } from "./routing.routes";
export { ROUTING_BATCH, runRouting } from "./run-routing";
export { setPresence } from "./set-presence";
export { transferQuestion } from "./transfer-question";
