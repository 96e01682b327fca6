import { type Database, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import type { Logger } from "../../platform/log";
import { chatHubFor } from "./chat-hub";
import type { ChatSignal } from "./chat-notify";
import {
  chatMessagesAfter,
  type VisitorChatMessage,
  type VisitorChatState,
  visitorChatState,
} from "./chat-state";
import type { ChatSessionRow } from "./visitor-session";

export type ChatStreamEvent =
  | { type: "message"; id: string; data: VisitorChatMessage }
  | { type: "status"; data: VisitorChatState }
  | { type: "typing"; data: { sender: "employee" } };

export type ChatFeed = {
  /** Hands events to `send` one at a time; resolves when the chat has ended or the feed is closed. */
  run(send: (event: ChatStreamEvent) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

/**
 * The visitor's side of one chat: messages after `lastMessageId`, then live messages, status changes
 * (place in line, accepted, ended) and typing. It subscribes before the first read, so nothing is lost;
 * while waiting it looks again every `recheckMs`, because time passing and colleagues' presence are not
 * announced to it.
 */
export async function followChat(
  deps: { database: Database; log: Logger; clock: () => Date },
  input: { session: ChatSessionRow; lastMessageId: bigint },
  options: { recheckMs: number },
): Promise<ChatFeed> {
  const db = deps.database.db;
  const pending = new Set<ChatSignal["kind"]>(["message", "status"]);
  let closed = false;
  let wake: (() => void) | null = null;
  const unsubscribe = await chatHubFor(deps.database, deps.log, deps.clock).subscribe(
    input.session.id,
    (signal) => {
      pending.add(signal.kind);
      wake?.();
    },
  );
  let stopped: Promise<void> | null = null;
  const close = () => {
    closed = true;
    wake?.();
    stopped ??= unsubscribe();
    return stopped;
  };

  let lastId = input.lastMessageId;
  let lastState = "";
  return {
    async run(send) {
      while (!closed) {
        if (pending.size === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, options.recheckMs);
          });
          wake = null;
          if (pending.size === 0) pending.add("status");
          continue;
        }
        const kinds = new Set(pending);
        pending.clear();
        let state: VisitorChatState | null = null;
        if (kinds.has("status")) {
          const [session] = await db
            .select()
            .from(schema.chatSessions)
            .where(eq(schema.chatSessions.id, input.session.id));
          if (!session) break;
          state = await visitorChatState(db, session, deps.clock());
        }
        const sendState = async () => {
          const json = JSON.stringify(state);
          if (state && json !== lastState) {
            lastState = json;
            await send({ type: "status", data: state });
          }
        };
        // A new status first (so the widget knows who answers), except the end, which comes last.
        if (state?.status !== "ended") await sendState();
        if (kinds.has("message")) {
          for (const message of await chatMessagesAfter(db, input.session.id, lastId)) {
            lastId = BigInt(message.id);
            await send({ type: "message", id: message.id, data: message });
          }
        }
        if (kinds.has("typing")) await send({ type: "typing", data: { sender: "employee" } });
        if (state?.status === "ended") {
          await sendState();
          break;
        }
      }
      await close();
    },
    close,
  };
}
