import type { Database } from "@omniloket/db";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import type { Logger } from "../../platform/log";
import { latestEventId } from "./latest-event-id";
import { type LiveDelivery, type LiveMessage, toLiveMessage } from "./live-delivery";
import { liveHubFor } from "./live-event-hub";
import { liveVisibilityFor } from "./live-visibility";
import { replayEvents } from "./replay-events";

export type LiveFeed = {
  /** Without Last-Event-ID: the tenant's newest event id, sent as `id:` so a reconnect can resume. */
  startId: string | null;
  /** More events were missed than are replayed: the client should reload what it shows. */
  resync: boolean;
  /** Hands replayed, then live messages to `send`, one at a time; resolves when the feed ends. */
  run(send: (message: LiveMessage) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

export type FollowOptions = { replayLimit: number; maxQueued: number };

const defaults: FollowOptions = { replayLimit: 500, maxQueued: 1000 };
const SEEN_LIMIT = 2000;

/**
 * The events one browser tab may see: first those missed since `lastEventId` (from the outbox), then
 * live ones from the process-wide hub. It subscribes before reading the outbox, so nothing committed
 * in between is lost; an event that comes both ways is sent once.
 */
export async function followLiveEvents(
  deps: { database: Database; log: Logger },
  input: { principal: Principal; purpose: Purpose; lastEventId: bigint | null },
  options: Partial<FollowOptions> = {},
): Promise<LiveFeed> {
  const { replayLimit, maxQueued } = { ...defaults, ...options };
  const { principal } = input;
  const db = deps.database.db;
  const visible = await liveVisibilityFor(db, principal, input.purpose);

  const queue: LiveMessage[] = [];
  const seen = new Set<string>();
  let held: LiveDelivery[] | null = [];
  let closed = false;
  let wake: (() => void) | null = null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let unsubscribed: Promise<void> | null = null;

  const end = () => {
    closed = true;
    queue.length = 0;
    wake?.();
    if (!unsubscribed && unsubscribe) unsubscribed = unsubscribe();
  };
  const push = (delivery: LiveDelivery) => {
    if (closed || seen.has(delivery.eventId) || !visible(delivery)) return;
    seen.add(delivery.eventId);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
    // A tab that stopped reading is cut off rather than buffered without end; it resumes on reconnect.
    if (queue.length >= maxQueued) return end();
    queue.push(toLiveMessage(delivery));
    wake?.();
  };

  unsubscribe = await liveHubFor(deps.database, deps.log).subscribe(principal.tenantId, {
    deliver: (delivery) => (held ? held.push(delivery) : push(delivery)),
    close: end,
  });

  let startId: string | null = null;
  let resync = false;
  try {
    if (input.lastEventId === null) {
      startId = await latestEventId(db, principal.tenantId);
    } else {
      const replay = await replayEvents(db, {
        tenantId: principal.tenantId,
        afterId: input.lastEventId,
        limit: replayLimit,
      });
      resync = replay.truncated;
      for (const delivery of replay.deliveries) push(delivery);
    }
  } catch (error) {
    end();
    await unsubscribed;
    throw error;
  }
  const live = held;
  held = null;
  for (const delivery of live) push(delivery);

  return {
    startId,
    resync,
    async run(send) {
      while (!closed) {
        const next = queue.shift();
        if (next) {
          await send(next);
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    },
    async close() {
      end();
      await unsubscribed;
    },
  };
}
