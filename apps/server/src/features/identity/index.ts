export { registerIdentityRoutes } from "./identity.routes";
export { listMergeSuggestions } from "./list-merge-suggestions";
export { mergeParties } from "./merge-parties";
export { partyForBsn } from "./party-for-bsn";
export { partyForAddress, partyForEmail, survivingParty } from "./party-for-email";
export { unmergeParties } from "./unmerge-parties";
