import type { Database } from "@omniloket/db";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { deliverPendingMessages } from "../../features/delivery";
import { updateChannelSettings } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { openEventStream } from "../../test-support/event-stream";
import { createEmailSender } from "../email/email-sender";

export const SITE = "https://www.chatstad.test";

export { dataOf, type Frame, openEventStream } from "../../test-support/event-stream";

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

/** An SMTP relay on loopback that keeps every message it receives: the real outbound path in tests. */
export async function smtpCapture() {
  const received: Buffer[] = [];
  const relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${(relay.server.address() as { port: number }).port}`;
  /** Delivers the outbox's pending messages through this relay. */
  const deliver = async (deps: Pick<AppDeps, "database" | "clock" | "log">) => {
    const sender = createEmailSender(url);
    try {
      return await deliverPendingMessages(deps, { email: sender });
    } finally {
      sender.close();
    }
  };
  return {
    received,
    deliver,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
    /** Delivers the outbox through this relay; returns the six-digit code in the newest email to `to`. */
    async codeFor(deps: Pick<AppDeps, "database" | "clock" | "log">, to: string): Promise<string> {
      await deliver(deps);
      for (const raw of [...received].reverse()) {
        const mail = await simpleParser(raw);
        const address = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : "";
        const code = /\b(\d{6})\b/.exec(mail.text ?? "")?.[1];
        if (address?.toLowerCase() === to.toLowerCase() && code) return code;
      }
      throw new Error(`no code emailed to ${to}`);
    },
  };
}
