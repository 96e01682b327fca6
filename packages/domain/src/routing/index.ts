export {
  type Agent,
  type Assignment,
  assignNext,
  compareItems,
  DEFAULT_WEIGHTS,
  fits,
  LOAD_CHANNELS,
  type LoadChannel,
  loadChannelOf,
  mayTake,
  PRESENCES,
  type Presence,
  usedCapacity,
  type Weights,
  type WorkItem,
  weightsFrom,
} from "./assign-next";
export { type RoutingTeam, routeByTopic } from "./route-by-topic";
