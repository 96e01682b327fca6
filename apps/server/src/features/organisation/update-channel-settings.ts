import { type Db, schema } from "@omniloket/db";
import { eq, sql } from "drizzle-orm";
import type { ChannelSettings } from "./channel-settings";

const secretFields = new Set([
  "authToken",
  "accessToken",
  "appSecret",
  "verifyToken",
  "ctiSecret",
  "password",
  "url",
]);

/** Channel settings as an admin may see them again: secrets are never returned, only whether they are set. */
export function maskChannelSettings(settings: ChannelSettings): Record<string, unknown> {
  const mask = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          secretFields.has(key) && typeof inner === "string" ? "••••" : mask(inner),
        ]),
      );
    }
    return value;
  };
  return mask(settings) as Record<string, unknown>;
}

/** Replaces one municipality's channel connections (email, SMS, WhatsApp, phone). */
export async function updateChannelSettings(
  deps: { db: Db },
  input: { tenantId: string; channels: ChannelSettings },
) {
  await deps.db
    .update(schema.tenants)
    .set({
      settings: sql`jsonb_set(coalesce(${schema.tenants.settings}, '{}'::jsonb), '{channels}', ${JSON.stringify(input.channels)}::jsonb)`,
    })
    .where(eq(schema.tenants.id, input.tenantId));
  return maskChannelSettings(input.channels);
}
