export { type QueueStats, queueStats, WAITING_BINS } from "./queue-stats";
export { registerSupervisionRoutes } from "./supervision.routes";
