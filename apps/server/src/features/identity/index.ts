export { registerIdentityRoutes } from "./identity.routes";
export { mergeParties } from "./merge-parties";
export { unmergeParties } from "./unmerge-parties";
