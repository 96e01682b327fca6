import { type Queryable, schema } from "@omniloket/db";
import type { Role } from "../../platform/auth/roles";
import { hashSecret, newSecret } from "../../platform/auth/tokens";

/** A bearer token for a system. The secret is returned once; only its hash is stored. */
export async function createApiToken(q: Queryable, input: { tenantId: string; name: string; roles: Role[] }) {
  const token = newSecret("olt");
  const [row] = await q
    .insert(schema.apiTokens)
    .values({ tenantId: input.tenantId, name: input.name, roles: input.roles, tokenHash: hashSecret(token) })
    .returning({ id: schema.apiTokens.id });
  if (!row) throw new Error("token insert returned nothing");
  return { id: row.id, token };
}
