import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { ROLES } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { type FollowOptions, followLiveEvents } from "./follow-live-events";

export type LiveStreamOptions = FollowOptions & {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs: number;
  /** The reconnect delay the browser is told to use. */
  retryMs: number;
  /** Streams end after this long; the browser reconnects, which checks the session again. */
  maxStreamMs: number;
};

export const liveStreamDefaults: LiveStreamOptions = {
  heartbeatMs: 15_000,
  retryMs: 3_000,
  maxStreamMs: 15 * 60_000,
  replayLimit: 500,
  maxQueued: 1_000,
};

const route = createRoute({
  method: "get",
  path: "/events",
  tags: ["Live"],
  summary: "Live events for one browser tab (Server-Sent Events)",
  description:
    "One stream per tab with the events the caller may see: interaction.created, question.changed, task.changed, " +
    "chat.message (a line in a web chat of the question; fetch /questions/{questionId}/chat). " +
    "Each event carries ids only (`data` is JSON with questionId and, where relevant, interactionId, taskId, teamId); " +
    "its `id` is a position to resume from with Last-Event-ID. A `resync` event means more was missed than is " +
    "replayed: reload. A comment line is sent as heartbeat.",
  security: [{ sessionCookie: [] }, { bearerAuth: [] }],
  request: {
    headers: z.object({
      "last-event-id": z
        .string()
        .regex(/^\d{1,18}$/, "Verwacht het id van de laatst ontvangen gebeurtenis.")
        .optional(),
    }),
  },
  responses: {
    200: {
      description: "An endless text/event-stream",
      headers: versionHeaders,
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerLiveRoutes(app: App, deps: AppDeps, options: Partial<LiveStreamOptions> = {}) {
  const settings = { ...liveStreamDefaults, ...options };
  app.openapi(route, async (c) => {
    const principal = requirePrincipal(c, ROLES);
    const purpose = purposeOf(c, [
      "contact-handling",
      "case-handling",
      "case-guidance",
      "quality-supervision",
      "system-integration",
    ]);
    // Already validated by the route's header schema; c.req.valid("header") infers `never` here.
    const lastEventId = c.req.header("last-event-id");
    const feed = await followLiveEvents(
      deps,
      { principal, purpose, lastEventId: lastEventId === undefined ? null : BigInt(lastEventId) },
      settings,
    );
    const signal = c.req.raw.signal;
    // Reverse proxies (nginx) would otherwise hold events back in their buffers.
    c.header("X-Accel-Buffering", "no");

    return streamSSE(c, async (stream) => {
      const stop = () => void feed.close();
      stream.onAbort(stop);
      signal.addEventListener("abort", stop);
      if (signal.aborted) stop();
      const heartbeat = setInterval(() => void stream.write(": ping\n\n"), settings.heartbeatMs);
      const lifetime = setTimeout(stop, settings.maxStreamMs);
      try {
        // A frame with only `id:` moves the browser's resume point without firing an event.
        await stream.write(`retry: ${settings.retryMs}\n${feed.startId ? `id: ${feed.startId}\n` : ""}\n`);
        if (feed.resync) await stream.writeSSE({ event: "resync", data: "{}" });
        await feed.run((message) =>
          stream.writeSSE({ id: message.id, event: message.type, data: JSON.stringify(message.data) }),
        );
      } finally {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", stop);
        await feed.close();
      }
    });
  });
}
