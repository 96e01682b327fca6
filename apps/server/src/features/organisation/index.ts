export { addTeam, type TeamInput } from "./add-team";
export { addTeamMember } from "./add-team-member";
export { addTenant } from "./add-tenant";
export {
  type ChannelKind,
  type ChannelSettings,
  type ChatSettings,
  channelSettings,
  type PhoneSettings,
  tenantForChannelAddress,
  tenantForWhatsappVerifyToken,
} from "./channel-settings";
export { createTeam } from "./create-team";
export { createTenant } from "./create-tenant";
export { listTeams, type TeamView } from "./list-teams";
export { removeTeamMember } from "./remove-team-member";
export { resolveTenant } from "./resolve-tenant";
export { setWebFormEnabled } from "./set-web-form-enabled";
export {
  type PrivacySettings,
  privacySettingsFrom,
  serviceNormsFrom,
  type TenantSettings,
  tenantSettings,
} from "./tenant-settings";
export { maskChannelSettings, updateChannelSettings } from "./update-channel-settings";
export { updateRoutingWeights } from "./update-routing-weights";
export { updateServiceNorms } from "./update-service-norms";
export { updateTeam } from "./update-team";
export { disabledWebForms } from "./web-form-settings";
