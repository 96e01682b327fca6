import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { closeSession } from "./close-session";
import { loadEmployeeSession } from "./employee-session";
import { loadVisitorSession } from "./visitor-session";

/** The visitor closes the chat. Closing twice is fine. */
export async function endChatByVisitor(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null },
) {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const session = await loadVisitorSession(tx, { ...input, forUpdate: true });
    await closeSession(tx, session, { reason: "visitor" }, now);
  });
}

/** The employee closes the chat with a wrap-up (what was done) and, if they like, a reason. */
export async function endChatByEmployee(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; sessionId: string; wrapUp: string; reason?: string },
) {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const { session } = await loadEmployeeSession(tx, input.principal, input.sessionId, true);
    const closed = await closeSession(
      tx,
      session,
      { reason: input.reason?.trim() || "employee", wrapUp: input.wrapUp.trim() },
      now,
    );
    // A chat the visitor already closed still gets the employee's wrap-up.
    if (!closed)
      await tx
        .update(schema.chatSessions)
        .set({ wrapUp: input.wrapUp.trim(), ...(input.reason ? { endReason: input.reason.trim() } : {}) })
        .where(eq(schema.chatSessions.id, session.id));
    return { id: session.id, status: "ended" as const };
  });
}
