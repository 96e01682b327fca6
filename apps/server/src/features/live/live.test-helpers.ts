import type { App } from "../../platform/http/types";
import { type Frame, openEventStream, type TestStream } from "../../test-support/event-stream";
import { TEST_PASSWORD } from "../../test-support/harness";

export type { Frame, TestStream } from "../../test-support/event-stream";

/** The employee's live stream, GET /api/v1/events. */
export const openStream = (app: App, headers: Record<string, string>): Promise<TestStream> =>
  openEventStream(app, "/api/v1/events", headers);

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
