import { type Queryable, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { chatNotFound, chatTokenMissing } from "./chat.errors";
import { tokenMatches } from "./visitor-token";

export type ChatSessionRow = typeof schema.chatSessions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The visitor's chat session: the id must belong to this municipality and the bearer token must match.
 * An unknown id and a wrong token are both "not found".
 */
export async function loadVisitorSession(
  q: Queryable,
  input: { tenantId: string; sessionId: string; token: string | null; forUpdate?: boolean },
): Promise<ChatSessionRow> {
  if (!input.token) throw chatTokenMissing();
  if (!UUID.test(input.sessionId)) throw chatNotFound();
  const query = q
    .select()
    .from(schema.chatSessions)
    .where(
      and(eq(schema.chatSessions.id, input.sessionId), eq(schema.chatSessions.tenantId, input.tenantId)),
    );
  const [session] = input.forUpdate ? await query.for("update") : await query;
  if (!session || !tokenMatches(session.visitorTokenHash, input.token)) throw chatNotFound();
  return session;
}
