export { closeLiveStreams } from "./close-live-streams";
export { followLiveEvents } from "./follow-live-events";
export { type LiveStreamOptions, registerLiveRoutes } from "./live.routes";
