import { type Queryable, schema } from "@omniloket/db";
import { defaultServiceNorms, type ServiceNorm } from "@omniloket/domain";
import { eq } from "drizzle-orm";

/** What a municipality may configure; anything it leaves out follows the defaults. */
export type TenantSettings = { serviceNorms: readonly ServiceNorm[]; privacy: PrivacySettings };

/**
 * Privacy choices of a municipality (`settings.privacy`). `proactiveContact`: the legal basis of
 * proactive help when a resident recorded nothing: "opt-out" (the default; see
 * docs/decisions/0009-proactive-contact-consent-default.md) or "opt-in". `inzageEmployeeNames`: whether the
 * resident's inzage names the employees who looked at their data (default: role only).
 */
export type PrivacySettings = { proactiveContact: "opt-out" | "opt-in"; inzageEmployeeNames: boolean };

export function privacySettingsFrom(settings: unknown): PrivacySettings {
  const privacy = (settings as { privacy?: Record<string, unknown> } | null | undefined)?.privacy;
  return {
    proactiveContact: privacy?.proactiveContact === "opt-in" ? "opt-in" : "opt-out",
    inzageEmployeeNames: privacy?.inzageEmployeeNames === true,
  };
}

function isServiceNorm(value: unknown): value is ServiceNorm {
  const norm = value as ServiceNorm;
  return (
    typeof norm === "object" &&
    norm !== null &&
    typeof norm.topicId === "string" &&
    typeof norm.channel === "string" &&
    Number.isInteger(norm.workingMinutes) &&
    norm.workingMinutes > 0 &&
    typeof norm.label === "string"
  );
}

export async function tenantSettings(q: Queryable, tenantId: string): Promise<TenantSettings> {
  const [row] = await q
    .select({ settings: schema.tenants.settings })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return { serviceNorms: serviceNormsFrom(row?.settings), privacy: privacySettingsFrom(row?.settings) };
}

/** The service norms a tenant configured in its settings, or the defaults. */
export function serviceNormsFrom(settings: unknown): readonly ServiceNorm[] {
  const configured = (settings as { serviceNorms?: unknown } | null | undefined)?.serviceNorms;
  return Array.isArray(configured) && configured.length > 0 && configured.every(isServiceNorm)
    ? configured
    : defaultServiceNorms;
}
