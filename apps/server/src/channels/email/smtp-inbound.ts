import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { tenantForChannelAddress } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { receiveEmail } from "./receive-email";

export type RunningSmtpInbound = { port: number; close(): Promise<void> };

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The built-in SMTP server, MX-style: no authentication, mail only for the municipalities' own
 * addresses. STARTTLS is off for now (loopback or behind a relay that terminates TLS).
 */
export async function startSmtpInbound(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files" | "log">,
  options: { port: number; host: string; maxMessageBytes?: number },
): Promise<RunningSmtpInbound> {
  // Room for an oversize attachment to arrive, so it can be dropped and noted instead of bounced.
  const maxMessageBytes = options.maxMessageBytes ?? deps.config.attachmentMaxBytes * 4;
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: maxMessageBytes,
    logger: false,
    banner: "Omniloket",
    onRcptTo(address, _session, callback) {
      tenantForChannelAddress(deps.database.db, "email", address.address).then(
        (tenant) =>
          callback(tenant ? null : smtpError("Onbekend adres: deze ontvanger bestaat hier niet.", 550)),
        () => callback(smtpError("Tijdelijke storing, probeer het later opnieuw.", 451)),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", () => callback(smtpError("Tijdelijke storing, probeer het later opnieuw.", 451)));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(smtpError(`Bericht te groot (maximaal ${maxMessageBytes} bytes).`, 552));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        receiveEmail(deps, { raw: Buffer.concat(chunks), recipients }).then(
          () => callback(null, "Ontvangen"),
          (error: unknown) => {
            deps.log.error({ err: error }, "inbound email failed");
            // A temporary failure: the sending server keeps the message and tries again.
            callback(smtpError("Tijdelijke storing, probeer het later opnieuw.", 451));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => deps.log.warn({ err: error }, "smtp connection error"));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
