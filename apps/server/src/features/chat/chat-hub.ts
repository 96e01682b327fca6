import type { Database } from "@omniloket/db";
import type { Logger } from "../../platform/log";
import { CHAT_CHANNEL, type ChatSignal } from "./chat-notify";
import { markVisitorsSeen, VISITOR_SEEN_REFRESH_MS } from "./visitor-presence";

type Listener = (signal: ChatSignal) => void;

export type ChatHub = {
  /** Resolves once LISTEN is active, so nothing committed afterwards is missed. */
  subscribe(sessionId: string, listener: Listener): Promise<() => Promise<void>>;
};

const hubs = new WeakMap<Database, ChatHub>();

/**
 * One LISTEN per process for all visitors' chat streams, started with the first stream and stopped
 * after the last (like the employees' live hub). While streams are open it also notes, every
 * VISITOR_SEEN_REFRESH_MS in one statement, that their visitors are still there; a stream's start and
 * end are noted at once.
 */
export function chatHubFor(database: Database, log: Logger, clock: () => Date): ChatHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = createChatHub(database, log, clock);
    hubs.set(database, hub);
  }
  return hub;
}

function createChatHub(database: Database, log: Logger, clock: () => Date): ChatHub {
  const bySession = new Map<string, Set<Listener>>();
  let size = 0;
  let unlisten: (() => Promise<void>) | null = null;
  let lifecycle: Promise<unknown> = Promise.resolve();
  let refresher: ReturnType<typeof setInterval> | null = null;

  const seen = (sessionIds: readonly string[]) =>
    markVisitorsSeen(database.db, sessionIds, clock()).catch((err) =>
      log.warn({ err }, "could not note the chat visitors as present"),
    );

  const onPayload = (payload: string) => {
    let signal: ChatSignal;
    try {
      signal = JSON.parse(payload) as ChatSignal;
    } catch {
      log.warn("ignored a malformed chat signal");
      return;
    }
    for (const listener of [...(bySession.get(signal.sessionId) ?? [])]) listener(signal);
  };

  const sync = () => {
    if (size > 0 && !refresher) {
      refresher = setInterval(() => void seen([...bySession.keys()]), VISITOR_SEEN_REFRESH_MS);
      refresher.unref();
    } else if (size === 0 && refresher) {
      clearInterval(refresher);
      refresher = null;
    }
    const step = lifecycle.then(async () => {
      if (size > 0 && !unlisten) unlisten = await database.listen(CHAT_CHANNEL, onPayload);
      else if (size === 0 && unlisten) {
        const stop = unlisten;
        unlisten = null;
        await stop();
      }
    });
    lifecycle = step.catch(() => {});
    return step;
  };

  return {
    async subscribe(sessionId, listener) {
      let set = bySession.get(sessionId);
      if (!set) {
        set = new Set();
        bySession.set(sessionId, set);
      }
      set.add(listener);
      size += 1;
      let done = false;
      const unsubscribe = async () => {
        if (done) return;
        done = true;
        const current = bySession.get(sessionId);
        current?.delete(listener);
        if (current?.size === 0) bySession.delete(sessionId);
        size -= 1;
        await Promise.all([sync(), seen([sessionId])]);
      };
      try {
        await Promise.all([sync(), seen([sessionId])]);
      } catch (error) {
        await unsubscribe().catch(() => {});
        throw error;
      }
      return unsubscribe;
    },
  };
}
