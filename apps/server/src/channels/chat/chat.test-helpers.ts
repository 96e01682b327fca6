import type { Database } from "@omniloket/db";
import { updateChannelSettings } from "../../features/organisation";
import type { App } from "../../platform/http/types";
import { openEventStream } from "../../test-support/event-stream";

export const SITE = "https://www.chatstad.test";

export { dataOf, type Frame, openEventStream } from "../../test-support/event-stream";
export { smtpCapture } from "../../test-support/smtp-capture";

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
