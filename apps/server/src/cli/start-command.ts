import { schema } from "@omniloket/db";
import { demoMailboxFor, startImapPolling, startSmtpInbound } from "../channels/email";
import { channelSenders } from "../channels/senders";
import { startAppointmentsWorker } from "../features/appointments";
import { startChatSweeper } from "../features/chat";
import { startClassificationWorker } from "../features/classification";
import { startDeliveryWorker } from "../features/delivery";
import { listDemoAccounts } from "../features/demo";
import { startRoutingWorker } from "../features/routing";
import { startSignalsWorker } from "../features/signals";
import { ensureWebBuild } from "../features/workspace";
import { writeInstallationToken } from "../platform/auth/installation-token";
import type { Config } from "../platform/config";
import { createLogger } from "../platform/log";
import { filesDir, openDatabase } from "../platform/open-database";
import { directoryFileStore } from "../platform/storage/file-store";
import { DEMO_MAILBOX_PATH } from "../portal";
import { startHttpServer } from "../server";
import { loadDemoWithProgress, printDemoAccounts } from "./demo";

/**
 * `omniloket start`: migrate, load the demo municipality on the first start in embedded mode (or with
 * --demo), and serve. Stops cleanly on SIGINT and SIGTERM.
 */
export async function runStart(config: Config, options: { demo?: boolean }): Promise<void> {
  const log = createLogger(config.logLevel);
  const startedAt = Date.now();
  const database = await openDatabase(config, { url: `http://${config.host}:${config.port}` });
  // --demo (or OMNILOKET_DEMO=1) allows it on PostgreSQL; --no-demo (or OMNILOKET_DEMO=0) refuses it everywhere.
  const demoAllowed = options.demo ?? config.demo ?? database.kind === "embedded";
  const tenants = await database.db.select({ id: schema.tenants.id }).from(schema.tenants).limit(1);
  if (tenants.length === 0 && demoAllowed) {
    console.log("Eerste start: de demogemeente Voorbeeldstad wordt geladen…");
    await loadDemoWithProgress(database, { residents: config.demoResidents, months: 12, seed: 1 });
  }
  // While this server holds the embedded data directory, the CLI reaches it through the admin API.
  const installation = database.kind === "embedded" ? writeInstallationToken(config.dataDir) : null;
  // The workspace (apps/web) is rebuilt only when its sources changed since the last build.
  await ensureWebBuild({ print: (line) => console.log(line) }).catch((error: unknown) =>
    console.warn(`De werkplek kon niet worden gebouwd; /werkplek werkt niet: ${String(error)}`),
  );
  // Demo mode without an SMTP relay: outbound email goes to the in-memory demo mailbox (/demo/postvak).
  const demoMailbox = demoMailboxFor(config, demoAllowed);
  const server = await startHttpServer(config, database, log, {
    installationTokenHash: installation?.tokenHash,
    demoMailbox,
  });
  database.lock?.update({ url: server.url });
  const smtp =
    config.smtpPort > 0
      ? await startSmtpInbound(
          { database, config, log, clock: () => new Date(), files: directoryFileStore(filesDir(config)) },
          { port: config.smtpPort, host: config.smtpHost },
        )
      : null;
  if (smtp) console.log(`E-mail wordt ontvangen via SMTP op ${config.smtpHost}:${smtp.port}.`);
  // Mailboxes configured per municipality (channels.email.imap) are polled one pass at a time.
  const imap =
    config.imapIntervalSeconds > 0
      ? startImapPolling(
          { database, config, log, clock: () => new Date(), files: directoryFileStore(filesDir(config)) },
          { intervalMs: config.imapIntervalSeconds * 1000 },
        )
      : null;
  // Replies leave through the outbox: this process takes its share (SKIP LOCKED) every few seconds.
  const delivery = startDeliveryWorker(
    { database, clock: () => new Date(), log },
    channelSenders(config, demoMailbox),
  );
  // Waiting questions go to available employees as soon as something changes (and on a slow sweep).
  const routing =
    config.routingSweepSeconds > 0
      ? startRoutingWorker(
          { database, clock: () => new Date(), log },
          { sweepMs: config.routingSweepSeconds * 1000 },
        )
      : null;
  await routing?.ready;
  // Waiting chats whose visitor closed the page are ended after a while.
  const chatSweeper =
    config.chatAbandonMinutes > 0
      ? startChatSweeper(
          { database, clock: () => new Date(), log },
          { abandonAfterMs: config.chatAbandonMinutes * 60_000 },
        )
      : null;
  // Signals for the case guide's worklist: after each contact, and a full rescan every few hours.
  const signals =
    config.signalsRescanHours > 0
      ? startSignalsWorker(
          { database, clock: () => new Date(), log },
          { sweepMs: config.signalsRescanHours * 3_600_000 },
        )
      : null;
  await signals?.ready;
  // New questions whose topic is unknown get one from the topic classifier, explained, and re-routed.
  const classification = config.classifyTopics
    ? startClassificationWorker({ database, clock: () => new Date(), log })
    : null;
  await classification?.ready;
  // Counter appointments: slots for the weeks ahead from each counter's weekly pattern, reminders the day before.
  const appointments =
    config.appointmentSweepMinutes > 0
      ? startAppointmentsWorker(
          { database, clock: () => new Date(), log },
          { sweepMs: config.appointmentSweepMinutes * 60_000 },
        )
      : null;
  await appointments?.ready;
  // Printed last: scripts and tests wait for this line.
  if (demoAllowed) printDemoAccounts(await listDemoAccounts(database));
  if (demoMailbox)
    console.log(`E-mail zonder e-mailserver: zie het demopostvak op ${server.url}${DEMO_MAILBOX_PATH}`);
  console.log(
    `Omniloket draait op ${server.url} (${database.kind === "embedded" ? `ingebouwde database in ${config.dataDir}` : "PostgreSQL"}), klaar in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Omniloket stopt…");
    await smtp?.close();
    await imap?.stop();
    await delivery.stop();
    await routing?.stop();
    await chatSweeper?.stop();
    await signals?.stop();
    await classification?.stop();
    await appointments?.stop();
    await server.close();
    installation?.remove();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
