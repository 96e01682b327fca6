import type { Database } from "@omniloket/db";
import type { Logger } from "../../platform/log";
import { type DeliveryOptions, deliverPendingMessages, type Senders } from "./deliver-pending-messages";

/** Polls the outbox for messages to send; one pass at a time, stopped cleanly at shutdown. */
export function startDeliveryWorker(
  deps: { database: Database; clock: () => Date; log: Logger },
  senders: Senders,
  options: DeliveryOptions & { intervalMs?: number } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = deliverPendingMessages(deps, senders, options)
      .catch((error) => deps.log.error({ err: error }, "delivery pass failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 2000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
