export { getResidentProfile, type ResidentProfile } from "./get-resident-profile";
export { getResidentTimeline, type TimelineItem } from "./get-resident-timeline";
export { registerResidentRoutes } from "./residents.routes";
export { searchResidents } from "./search-residents";
