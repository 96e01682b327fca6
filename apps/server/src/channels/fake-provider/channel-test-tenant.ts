import type { Database } from "@omniloket/db";
import type { ChannelSettings } from "../../features/organisation";

/** Puts channel settings into a test municipality, the way an admin would configure them. */
export async function configureChannels(database: Database, tenantId: string, channels: ChannelSettings) {
  await database.query(
    `UPDATE tenants SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{channels}', $1::jsonb) WHERE id = $2`,
    [JSON.stringify(channels), tenantId],
  );
}

const tables = [
  "parties",
  "party_identifiers",
  "questions",
  "interactions",
  "interaction_parties",
  "receipts",
  "outbox",
  "tasks",
];

/** Row counts of every table a contact can write to, to prove that a refused request wrote nothing. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    result[table] = Number(row?.n);
  }
  return result;
}

export const TEST_SMS = {
  provider: "twilio" as const,
  accountSid: "AC00000000000000000000000000000001",
  authToken: "twilio-auth-token-for-tests",
  from: "+3197010000001",
};

export const TEST_WHATSAPP = {
  phoneNumberId: "109876543210",
  accessToken: "whatsapp-access-token-for-tests",
  appSecret: "whatsapp-app-secret-for-tests",
  verifyToken: "verify-token-for-tests",
  templates: ["antwoord_klaar"],
};
