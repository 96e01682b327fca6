import { type Queryable, schema } from "@omniloket/db";
import { defaultServiceNorms, type ServiceNorm } from "@omniloket/domain";
import { eq } from "drizzle-orm";

/** What a municipality may configure; anything it leaves out follows the defaults. */
export type TenantSettings = { serviceNorms: readonly ServiceNorm[] };

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
  const configured = (row?.settings as { serviceNorms?: unknown } | undefined)?.serviceNorms;
  const serviceNorms =
    Array.isArray(configured) && configured.length > 0 && configured.every(isServiceNorm)
      ? configured
      : defaultServiceNorms;
  return { serviceNorms };
}
