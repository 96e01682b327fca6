import { defaultTopics } from "@omniloket/domain";
import type { Context, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import {
  continueQuestion,
  endChatByVisitor,
  followChat,
  leaveMessage,
  listEarlierQuestions,
  loadVisitorSession,
  requestCallback,
  requestEmailCode,
  sendTranscript,
  sendVisitorMessage,
  someoneAvailableFor,
  startChat,
  verifyEmailCode,
} from "../../features/chat";
import { channelSettings } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http/types";
import { tokenBucket } from "../webform/rate-limit";
import { chatTenantAndCors, chatTenantOf } from "./chat-cors";
import {
  bearerOf,
  callbackSchema,
  clientAddress,
  continueSchema,
  identifySchema,
  leaveMessageSchema,
  messageSchema,
  startSchema,
  transcriptSchema,
  verifySchema,
  visitorBody,
} from "./visitor-input";
import { widgetScript } from "./widget-asset";

export type ChatRouteOptions = {
  /** Requests per client address (all POSTs). */
  addressLimit?: { capacity: number; refillPerSecond: number };
  /** Messages per chat session. */
  sessionLimit?: { capacity: number; refillPerSecond: number };
  /** Email codes per chat (each code allows five attempts). */
  codeLimit?: { capacity: number; refillPerSecond: number };
  /** How often a waiting visitor's stream looks again at their place in line and who is free. */
  recheckMs?: number;
  heartbeatMs?: number;
  maxStreamMs?: number;
};

const BASE = "/chat/:gemeente";
const SESSION = `${BASE}/sessions/:sessionId`;

const tooMany = () =>
  new AppError(
    "chat-rate-limited",
    "rate-limited",
    "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
  );

/**
 * The visitor's side of the web chat (docs/decisions/0008-web-chat.md): public, CORS for the
 * municipality's own sites, a bearer token per chat, rate limits per address and per chat.
 */
export function registerChatRoutes(app: App, deps: AppDeps, options: ChatRouteOptions = {}) {
  const perMinute = deps.config.chatRequestsPerAddressPerMinute;
  const perAddress = tokenBucket(
    options.addressLimit ?? { capacity: perMinute, refillPerSecond: perMinute / 60 },
  );
  const perSession = tokenBucket(options.sessionLimit ?? { capacity: 10, refillPerSecond: 0.5 });
  const perSessionCodes = tokenBucket(options.codeLimit ?? { capacity: 3, refillPerSecond: 1 / 600 });
  const recheckMs = options.recheckMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxStreamMs = options.maxStreamMs ?? 30 * 60_000;
  const use = { db: deps.database.db, clock: deps.clock };
  const ids = (c: Context) => ({
    tenantId: chatTenantOf(c).id,
    sessionId: c.req.param("sessionId") ?? "",
    token: bearerOf(c),
  });

  app.get("/chat/widget.js", async (c) => {
    const script = await widgetScript();
    return c.body(script.body, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300",
      etag: script.etag,
      "cross-origin-resource-policy": "cross-origin",
    });
  });

  app.use(`${BASE}/*`, chatTenantAndCors(deps));
  app.use(
    `${BASE}/*`,
    bodyLimit({
      maxSize: 16 * 1024,
      onError: () => {
        throw new AppError("body-too-large", "payload-too-large", "Het bericht is te groot.");
      },
    }),
  );
  app.use(`${BASE}/*`, async (c: Context, next: Next) => {
    if (c.req.method === "POST" && !perAddress.take(clientAddress(c), deps.clock())) {
      c.header("Retry-After", "30");
      throw tooMany();
    }
    await next();
  });

  for (const path of [`${BASE}/settings`, `${BASE}/sessions`, `${SESSION}/:action`]) {
    // Answered by the CORS middleware; the route makes the preflight part of the route table.
    app.options(path, (c) => c.body(null, 204));
  }

  app.get(`${BASE}/settings`, async (c) => {
    const tenant = chatTenantOf(c);
    const now = deps.clock();
    const available = await someoneAvailableFor(
      deps.database.db,
      tenant.id,
      { id: "", topicId: null, teamId: null, confidential: false },
      "nld",
      now,
    );
    const email = (await channelSettings(deps.database.db, tenant.id)).email;
    return c.json({
      available,
      email: email?.addresses[0] ?? null,
      maxWaitSeconds: tenant.settings.maxWaitSeconds,
      topics: defaultTopics.topics.map(({ id, nl, en }) => ({ id, nl, en })),
    });
  });

  app.post(`${BASE}/sessions`, async (c) => {
    const body = await visitorBody(c, startSchema);
    const started = await startChat(deps, {
      tenantId: chatTenantOf(c).id,
      language: body.language,
      ...(body.topicId ? { topicId: body.topicId } : {}),
    });
    return c.json(started, 201);
  });

  app.post(`${SESSION}/messages`, async (c) => {
    const body = await visitorBody(c, messageSchema);
    if (!perSession.take(c.req.param("sessionId") ?? "", deps.clock())) {
      c.header("Retry-After", "5");
      throw tooMany();
    }
    return c.json(await sendVisitorMessage(use, { ...ids(c), text: body.text }), 201);
  });

  app.get(`${SESSION}/events`, async (c) => {
    const session = await loadVisitorSession(deps.database.db, ids(c));
    const last = c.req.header("last-event-id");
    const feed = await followChat(
      deps,
      { session, lastMessageId: last && /^\d{1,18}$/.test(last) ? BigInt(last) : 0n },
      { recheckMs },
    );
    c.header("X-Accel-Buffering", "no");
    const signal = c.req.raw.signal;
    return streamSSE(c, async (stream) => {
      const stop = () => void feed.close();
      stream.onAbort(stop);
      signal.addEventListener("abort", stop);
      const heartbeat = setInterval(() => void stream.write(": ping\n\n"), heartbeatMs);
      const lifetime = setTimeout(stop, maxStreamMs);
      try {
        await stream.write("retry: 3000\n\n");
        await feed.run((event) =>
          stream.writeSSE({
            event: event.type,
            data: JSON.stringify(event.data),
            ...(event.type === "message" ? { id: event.id } : {}),
          }),
        );
      } finally {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", stop);
        await feed.close();
      }
    });
  });

  app.post(`${SESSION}/_identify`, async (c) => {
    const body = await visitorBody(c, identifySchema);
    if (!perSessionCodes.take(c.req.param("sessionId") ?? "", deps.clock())) {
      c.header("Retry-After", "600");
      throw tooMany();
    }
    return c.json(await requestEmailCode(use, { ...ids(c), email: body.email }), 202);
  });

  app.get(`${SESSION}/questions`, async (c) => c.json(await listEarlierQuestions(use, ids(c)), 200));

  app.post(`${SESSION}/_continue`, async (c) => {
    const body = await visitorBody(c, continueSchema);
    return c.json(await continueQuestion(use, { ...ids(c), questionId: body.questionId }), 200);
  });

  app.post(`${SESSION}/_verify`, async (c) => {
    const body = await visitorBody(c, verifySchema);
    return c.json(await verifyEmailCode(use, { ...ids(c), code: body.code }), 200);
  });

  app.post(`${SESSION}/_end`, async (c) => {
    await endChatByVisitor(use, ids(c));
    return c.body(null, 204);
  });

  app.post(`${SESSION}/_transcript`, async (c) => {
    const body = await visitorBody(c, transcriptSchema);
    return c.json(
      await sendTranscript(use, { ...ids(c), ...(body.email ? { email: body.email } : {}) }),
      202,
    );
  });

  app.post(`${SESSION}/_leave-message`, async (c) => {
    const body = await visitorBody(c, leaveMessageSchema);
    return c.json(await leaveMessage(use, { ...ids(c), text: body.text, email: body.email }), 201);
  });

  app.post(`${SESSION}/_callback`, async (c) => {
    const body = await visitorBody(c, callbackSchema);
    return c.json(
      await requestCallback(use, { ...ids(c), phone: body.phone, slotStart: new Date(body.slotStart) }),
      201,
    );
  });
}
