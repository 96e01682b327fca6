import type { Database } from "@omniloket/db";
import { updateChannelSettings } from "../../features/organisation";
import type { App } from "../../platform/http/types";

export const SITE = "https://www.chatstad.test";

export type Frame = { id?: string; event?: string; data?: string };

/** An open event stream as a test reads it (any path): every frame so far and a way to wait for one. */
export async function openEventStream(app: App, path: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await app.request(path, { headers, signal: controller.signal });
  const frames: Frame[] = [];
  const body = response.body;
  const ended = (async () => {
    if (!body || response.status !== 200) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const frame: Frame = {};
        for (const line of buffer.slice(0, end).split("\n")) {
          const match = /^(id|event|data): ?(.*)$/.exec(line);
          if (match) frame[match[1] as "id" | "event" | "data"] = match[2];
        }
        frames.push(frame);
        buffer = buffer.slice(end + 2);
      }
    }
  })();
  return {
    response,
    frames,
    async waitFor(predicate: (frame: Frame) => boolean, what: string, timeoutMs = 5_000): Promise<Frame> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    ended,
    async close() {
      controller.abort();
      await body?.cancel().catch(() => {});
      await ended;
    },
  };
}

export const dataOf = <T>(frame: Frame): T => JSON.parse(frame.data ?? "null") as T;

/** Chat on, for SITE only, with an email address to send codes and transcripts from. */
export async function enableChat(
  database: Database,
  tenantId: string,
  slug: string,
  maxWaitSeconds = 120,
  allowedOrigins = [SITE],
) {
  await updateChannelSettings(
    { db: database.db },
    {
      tenantId,
      channels: {
        email: { addresses: [`contact@${slug}.test`], from: `Gemeente ${slug} <contact@${slug}.test>` },
        chat: { allowedOrigins, maxWaitSeconds },
      },
    },
  );
}

/** A visitor's fetch as the widget makes it: JSON, our origin, the chat's bearer token. */
export function visitor(app: App, slug: string, ip: string) {
  const env = { incoming: { socket: { remoteAddress: ip } } };
  let token = "";
  let sessionId = "";
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(
      `/chat/${slug}${path}`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: SITE,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      },
      env,
    );
  return {
    post,
    get token() {
      return token;
    },
    get sessionId() {
      return sessionId;
    },
    async start(body: Record<string, unknown> = {}) {
      const response = await post("/sessions", body);
      if (response.status !== 201)
        throw new Error(`start failed: ${response.status} ${await response.text()}`);
      const started = (await response.json()) as {
        sessionId: string;
        token: string;
        questionReference: string;
      };
      token = started.token;
      sessionId = started.sessionId;
      return started;
    },
    send: (action: string, body: unknown = {}) => post(`/sessions/${sessionId}/${action}`, body),
    stream: () =>
      openEventStream(app, `/chat/${slug}/sessions/${sessionId}/events`, {
        origin: SITE,
        authorization: `Bearer ${token}`,
      }),
  };
}
