export { addTenant } from "./add-tenant";
export {
  type ChannelKind,
  type ChannelSettings,
  channelSettings,
  type PhoneSettings,
  tenantForChannelAddress,
  tenantForWhatsappVerifyToken,
} from "./channel-settings";
export { createTeam } from "./create-team";
export { createTenant } from "./create-tenant";
export { resolveTenant } from "./resolve-tenant";
export { serviceNormsFrom, type TenantSettings, tenantSettings } from "./tenant-settings";
export { maskChannelSettings, updateChannelSettings } from "./update-channel-settings";
