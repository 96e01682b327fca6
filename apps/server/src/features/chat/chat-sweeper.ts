import type { Database } from "@omniloket/db";
import type { Logger } from "../../platform/log";
import { endAbandonedChats } from "./end-abandoned-chats";

/**
 * Every `intervalMs`, ends the waiting chats whose visitor left (see endAbandonedChats). Several
 * server processes may each run one: a chat is ended once (row lock, skipped when taken).
 */
export function startChatSweeper(
  deps: { database: Database; clock: () => Date; log: Logger },
  options: { abandonAfterMs: number; intervalMs?: number },
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    running = endAbandonedChats({ db: deps.database.db, clock: deps.clock }, options)
      .then(({ ended }) => {
        if (ended > 0) deps.log.info({ count: ended }, "ended abandoned waiting chats");
      })
      .catch((err) => deps.log.error({ err }, "ending abandoned chats failed"));
  };
  const timer = setInterval(() => {
    if (!stopped) pass();
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
