import type { Database } from "@omniloket/db";
import { z } from "zod";
import type { QuestionAccessFacts } from "../../platform/auth/need-to-know";
import { EVENTS_CHANNEL } from "../../platform/events";
import type { Logger } from "../../platform/log";
import type { LiveDelivery } from "./live-delivery";
import { loadQuestionFacts } from "./question-facts";

export type LiveSubscriber = {
  deliver(delivery: LiveDelivery): void;
  /** The hub shuts down: end the stream (the browser reconnects elsewhere). */
  close(): void;
};

export type LiveEventHub = {
  /** Resolves once LISTEN is active, so nothing committed afterwards is missed. */
  subscribe(tenantId: string, subscriber: LiveSubscriber): Promise<() => Promise<void>>;
  readonly size: number;
  close(): Promise<void>;
};

const notificationSchema = z.object({
  eventId: z.string().regex(/^\d+$/),
  tenantId: z.string(),
  type: z.enum(["interaction.created", "question.changed", "task.changed", "call.answered", "chat.message"]),
  questionId: z.string(),
  interactionId: z.string().optional(),
  taskId: z.string().optional(),
  employeeId: z.string().optional(),
  partyId: z.string().optional(),
});

type Notification = z.infer<typeof notificationSchema>;

const hubs = new WeakMap<Database, LiveEventHub>();

/** One hub, and so one LISTEN, per database handle: every stream of this server process shares it. */
export function liveHubFor(database: Database, log: Logger): LiveEventHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = createLiveEventHub(database, log);
    hubs.set(database, hub);
  }
  return hub;
}

/**
 * Fans NOTIFY out to the streams in memory. LISTEN starts with the first stream and stops after the
 * last, so a server without open streams holds no listening connection and needs no shutdown hook.
 */
export function createLiveEventHub(database: Database, log: Logger): LiveEventHub {
  const byTenant = new Map<string, Set<LiveSubscriber>>();
  let size = 0;
  let unlisten: (() => Promise<void>) | null = null;
  // LISTEN and UNLISTEN run one after another, never interleaved.
  let lifecycle: Promise<unknown> = Promise.resolve();
  // Events are looked up and handed out in the order they arrived. What arrives while a lookup runs
  // waits in `queued` and is looked up together in the next one: one query per burst, not per event.
  const queued: Notification[] = [];
  let draining = false;

  function sync(): Promise<void> {
    const step = lifecycle.then(async () => {
      if (size > 0 && !unlisten) unlisten = await database.listen(EVENTS_CHANNEL, onPayload);
      else if (size === 0 && unlisten) {
        const stop = unlisten;
        unlisten = null;
        await stop();
      }
    });
    lifecycle = step.catch(() => {});
    return step;
  }

  function onPayload(payload: string) {
    let parsed: Notification;
    try {
      parsed = notificationSchema.parse(JSON.parse(payload));
    } catch {
      log.warn("ignored a malformed live event");
      return;
    }
    if (!byTenant.has(parsed.tenantId)) return;
    queued.push(parsed);
    if (!draining) void drain();
  }

  async function drain() {
    draining = true;
    try {
      while (queued.length > 0) {
        const batch = queued.splice(0, queued.length);
        try {
          await deliver(batch);
        } catch (err) {
          log.error({ err, count: batch.length }, "live events not delivered");
        }
      }
    } finally {
      draining = false;
    }
  }

  async function deliver(batch: Notification[]) {
    const facts = new Map<string, Map<string, QuestionAccessFacts>>();
    for (const tenantId of new Set(batch.map((event) => event.tenantId))) {
      if (!byTenant.has(tenantId)) continue;
      const questionIds = batch.filter((e) => e.tenantId === tenantId).map((e) => e.questionId);
      facts.set(tenantId, await loadQuestionFacts(database.db, tenantId, questionIds));
    }
    for (const event of batch) {
      const subscribers = byTenant.get(event.tenantId);
      const tenantFacts = facts.get(event.tenantId);
      if (!subscribers || !tenantFacts) continue;
      const question = tenantFacts.get(event.questionId) ?? null;
      const delivery: LiveDelivery = { ...event, question };
      for (const subscriber of [...subscribers]) subscriber.deliver(delivery);
    }
  }

  function remove(tenantId: string, subscriber: LiveSubscriber): boolean {
    const set = byTenant.get(tenantId);
    if (!set?.delete(subscriber)) return false;
    if (set.size === 0) byTenant.delete(tenantId);
    size -= 1;
    return true;
  }

  return {
    get size() {
      return size;
    },
    async subscribe(tenantId, subscriber) {
      let set = byTenant.get(tenantId);
      if (!set) {
        set = new Set();
        byTenant.set(tenantId, set);
      }
      set.add(subscriber);
      size += 1;
      const unsubscribe = async () => {
        if (remove(tenantId, subscriber)) await sync();
      };
      try {
        await sync();
      } catch (error) {
        await unsubscribe().catch(() => {});
        throw error;
      }
      return unsubscribe;
    },
    async close() {
      const all = [...byTenant.values()].flatMap((set) => [...set]);
      byTenant.clear();
      size = 0;
      for (const subscriber of all) subscriber.close();
      await sync();
    },
  };
}
