import type { App } from "../../platform/http/types";
import { TEST_PASSWORD } from "../../test-support/harness";

export type Frame = { id?: string; event?: string; data?: string; retry?: string; comment?: string };

function parseFrame(raw: string): Frame {
  const frame: Frame = {};
  for (const line of raw.split("\n")) {
    if (line.startsWith(":")) frame.comment = line.slice(1).trim();
    const match = /^(id|event|data|retry): ?(.*)$/.exec(line);
    if (match) frame[match[1] as "id" | "event" | "data" | "retry"] = match[2];
  }
  return frame;
}

/** An open event stream as a test sees it: every frame so far, and a way to wait for one. */
export type TestStream = {
  response: Response;
  frames: Frame[];
  events(): Frame[];
  waitFor(predicate: (frame: Frame) => boolean, what: string, timeoutMs?: number): Promise<Frame>;
  ended: Promise<void>;
  close(): Promise<void>;
};

export async function openStream(app: App, headers: Record<string, string>): Promise<TestStream> {
  const controller = new AbortController();
  const response = await app.request("/api/v1/events", { headers, signal: controller.signal });
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
        frames.push(parseFrame(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
      }
    }
  })();
  return {
    response,
    frames,
    events: () => frames.filter((f) => f.event !== undefined),
    async waitFor(predicate, what, timeoutMs = 5_000) {
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
      await ended;
    },
  };
}

/** Logs in through the API and returns the cookie header an EventSource would send. */
export async function sessionHeaders(app: App, email: string): Promise<Record<string, string>> {
  const response = await app.request("/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`login failed: ${response.status}`);
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

export const eventFor =
  (questionId: string) =>
  (frame: Frame): boolean =>
    frame.event === "interaction.created" && JSON.parse(frame.data ?? "{}").questionId === questionId;
