import type { App } from "../platform/http/types";

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

/** Opens any text/event-stream route of the app in-process and collects its frames. */
export async function openEventStream(
  app: App,
  path: string,
  headers: Record<string, string>,
): Promise<TestStream> {
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
      await body?.cancel().catch(() => {});
      await ended;
    },
  };
}

/** The JSON data of a frame. */
export const dataOf = <T>(frame: Frame): T => JSON.parse(frame.data ?? "null") as T;
