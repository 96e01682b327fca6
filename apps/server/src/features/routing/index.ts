export { assignQuestion } from "./assign-question";
export { listPresence, type PresenceItem } from "./list-presence";
export { requestRouting } from "./request-routing";
export { registerRoutingRoutes } from "./routing.routes";
export { employeeFacts, routingWeights } from "./routing-facts";
export { type RoutingWorkerOptions, startRoutingWorker } from "./routing-worker";
export { ROUTING_BATCH, runRouting } from "./run-routing";
export { setPresence } from "./set-presence";
export { transferQuestion } from "./transfer-question";
