import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";

export async function logOut(
  deps: Pick<AppDeps, "database">,
  input: { sessionTokenHash: string },
): Promise<void> {
  await deps.database.db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, input.sessionTokenHash));
}
