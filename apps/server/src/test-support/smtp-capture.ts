import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createEmailSender } from "../channels/email/email-sender";
import { deliverPendingMessages } from "../features/delivery";
import type { AppDeps } from "../platform/deps";

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
  /** The six-digit code in the newest email to `to` that holds one. */
  const latestCode = async (to: string): Promise<string> => {
    for (const raw of [...received].reverse()) {
      const mail = await simpleParser(raw);
      const address = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : "";
      const code = /\b(\d{6})\b/.exec(mail.text ?? "")?.[1];
      if (address?.toLowerCase() === to.toLowerCase() && code) return code;
    }
    throw new Error(`no code emailed to ${to}`);
  };
  return {
    received,
    /** For settings that send straight through a relay (OMNILOKET_SMTP_RELAY_URL). */
    url,
    deliver,
    latestCode,
    /** Delivers the outbox through this relay, then the newest code emailed to `to`. */
    async codeFor(deps: Pick<AppDeps, "database" | "clock" | "log">, to: string): Promise<string> {
      await deliver(deps);
      return latestCode(to);
    },
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof smtpCapture>>;
