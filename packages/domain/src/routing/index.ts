export { type RoutingTeam, routeByTopic } from "./route-by-topic";
