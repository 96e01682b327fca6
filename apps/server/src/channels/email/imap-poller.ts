import { schema } from "@omniloket/db";
import { ImapFlow } from "imapflow";
import type { ChannelSettings } from "../../features/organisation";
import { quarantineMessage } from "../../features/quarantine";
import type { AppDeps } from "../../platform/deps";
import { receiveEmail } from "./receive-email";

export type ImapSettings = NonNullable<NonNullable<ChannelSettings["email"]>["imap"]>;

type Deps = Pick<AppDeps, "database" | "clock" | "config" | "files" | "log">;

/** After this many failed attempts a message is quarantined (reason "imap-failed") instead of retried. */
export const IMAP_MAX_ATTEMPTS = 3;
/** At most this many messages per mailbox per pass, so one full mailbox cannot hold up the others. */
const MAX_MESSAGES_PER_PASS = 200;
const ATTEMPT_KEYWORD = "$OmniloketAttempt";

export type MailboxPass = {
  tenantId: string;
  ingested: number;
  quarantined: number;
  failed: number;
  /** Set when the mailbox could not be reached or opened; the next pass tries again. */
  error?: string;
};

export type ImapPollerOptions = {
  intervalMs: number;
  /** Wait before the first pass (default 0: poll at once). */
  initialDelayMs?: number;
  maxAttempts?: number;
  /** The adapter each message goes to; tests replace it to observe or fail on purpose. */
  receive?: typeof receiveEmail;
};

export type RunningImapPoller = {
  /** One pass over every configured mailbox, queued behind a pass that is running. */
  poll(): Promise<MailboxPass[]>;
  /** Ends the timer and waits for a running pass; no pass starts afterwards. */
  stop(): Promise<void>;
};

/**
 * Polls every municipality's IMAP mailbox (`channels.email.imap`): one pass at a time, then waits
 * `intervalMs`. Delivery is at-least-once: a message is marked \Seen (and moved) only after
 * `receiveEmail` has committed it; a crash before that means it is fetched again, and ingest is
 * idempotent on the Message-ID (or the hash of the raw message), so it is stored once.
 *
 * Failed attempts are counted on the message itself with IMAP keywords (`$OmniloketAttempt1`, `…2`),
 * so the count survives a restart and a message that crashes the process is still quarantined in the
 * end; an in-memory counter backs this up for servers that do not keep custom keywords.
 */
export function startImapPolling(deps: Deps, options: ImapPollerOptions): RunningImapPoller {
  const attempts = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  const poll = (): Promise<MailboxPass[]> => {
    const pass = chain.then(() => (stopped ? [] : pollAll(deps, options, attempts)));
    chain = pass.catch(() => undefined);
    return pass;
  };
  const loop = () => {
    if (stopped) return;
    poll()
      .catch((error: unknown) => deps.log.error({ err: error }, "imap poll failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  timer = setTimeout(loop, options.initialDelayMs ?? 0);
  return {
    poll,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
}

async function pollAll(
  deps: Deps,
  options: ImapPollerOptions,
  attempts: Map<string, number>,
): Promise<MailboxPass[]> {
  const tenants = await deps.database.db
    .select({ id: schema.tenants.id, settings: schema.tenants.settings })
    .from(schema.tenants);
  const passes: MailboxPass[] = [];
  for (const tenant of tenants) {
    const imap = (tenant.settings as { channels?: ChannelSettings } | null)?.channels?.email?.imap;
    if (!imap) continue;
    const pass = await pollMailbox(deps, options, attempts, tenant.id, imap).catch(
      (error: unknown): MailboxPass => ({
        tenantId: tenant.id,
        ingested: 0,
        quarantined: 0,
        failed: 0,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    if (pass.error) deps.log.warn({ tenantId: tenant.id, error: pass.error }, "imap mailbox not polled");
    passes.push(pass);
  }
  return passes;
}

/** Connection options from a URL (imap://user:pass@host:port, imaps://…) or the separate fields. */
export function imapConnection(settings: ImapSettings) {
  const url = settings.url ? new URL(settings.url) : null;
  if (url && url.protocol !== "imap:" && url.protocol !== "imaps:")
    throw new Error(`unsupported IMAP URL scheme ${url.protocol}`);
  const secure = url ? url.protocol === "imaps:" : (settings.secure ?? false);
  const host = (url ? url.hostname : settings.host) ?? "";
  if (!host) throw new Error("IMAP host missing");
  return {
    host,
    port: url?.port ? Number(url.port) : (settings.port ?? (secure ? 993 : 143)),
    secure,
    auth: {
      user: url ? decodeURIComponent(url.username) : (settings.user ?? ""),
      pass: url ? decodeURIComponent(url.password) : (settings.password ?? ""),
    },
  };
}

async function pollMailbox(
  deps: Deps,
  options: ImapPollerOptions,
  attempts: Map<string, number>,
  tenantId: string,
  settings: ImapSettings,
): Promise<MailboxPass> {
  const receive = options.receive ?? receiveEmail;
  const maxAttempts = options.maxAttempts ?? IMAP_MAX_ATTEMPTS;
  const mailboxName = settings.mailbox || "INBOX";
  const pass: MailboxPass = { tenantId, ingested: 0, quarantined: 0, failed: 0 };
  const client = new ImapFlow({
    ...imapConnection(settings),
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // A dropped connection is reported as an event; without a listener it would end the process.
  client.on("error", (error: unknown) => deps.log.warn({ err: error, tenantId }, "imap connection error"));
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailboxName);
    try {
      const mailbox = client.mailbox;
      const validity = mailbox ? String(mailbox.uidValidity) : "";
      const keepsKeywords = mailbox ? (mailbox.permanentFlags?.has("\\*") ?? false) : false;
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(
        0,
        MAX_MESSAGES_PER_PASS,
      );

      /** Ingests (or quarantines) one message; \Seen and the move come only after that committed. */
      const processMessage = async (uid: number): Promise<"ingested" | "quarantined" | "failed" | null> => {
        const key = `${tenantId}/${mailboxName}/${validity}/${uid}`;
        // One at a time (BODY.PEEK: fetching does not set \Seen), so a large mailbox never sits in memory.
        const message = await client.fetchOne(
          String(uid),
          { uid: true, flags: true, source: true },
          { uid: true },
        );
        const raw = message ? message.source : undefined;
        if (!message || !raw) return null; // expunged meanwhile
        const tried = Math.max(attempts.get(key) ?? 0, attemptsFromFlags(message.flags));
        const done = async () => {
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          attempts.delete(key);
          if (!settings.processedMailbox) return;
          // Already \Seen, so a failed move leaves the message processed in place, not fetched again.
          await moveTo(client, uid, settings.processedMailbox).catch((error: unknown) =>
            deps.log.warn({ err: error, tenantId, uid }, "imap message not moved"),
          );
        };
        if (tried >= maxAttempts) {
          await quarantineMessage(deps, {
            tenantId,
            channel: "email",
            reason: "imap-failed",
            raw,
            summary: { mailbox: mailboxName, uid, attempts: tried, sizeBytes: raw.byteLength },
          });
          await done();
          return "quarantined";
        }
        attempts.set(key, tried + 1);
        if (keepsKeywords)
          await client.messageFlagsAdd(String(uid), [`${ATTEMPT_KEYWORD}${tried + 1}`], { uid: true });
        let result: Awaited<ReturnType<typeof receiveEmail>>;
        try {
          result = await receive(deps, { raw, tenantId });
        } catch (error) {
          // Left unseen: the next pass tries again, up to maxAttempts.
          deps.log.error({ err: error, tenantId, uid, attempt: tried + 1 }, "imap message not ingested");
          return "failed";
        }
        await done();
        return result.kind === "quarantined" ? "quarantined" : "ingested";
      };
      for (const uid of uids) {
        if (!client.usable) break; // the connection dropped: the next pass starts afresh
        try {
          const outcome = await processMessage(uid);
          if (outcome) pass[outcome]++;
        } catch (error) {
          deps.log.error({ err: error, tenantId, uid }, "imap message not processed");
          pass.failed++;
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return pass;
}

function attemptsFromFlags(flags: Set<string> | undefined): number {
  let most = 0;
  for (const flag of flags ?? []) {
    if (!flag.startsWith(ATTEMPT_KEYWORD)) continue;
    const n = Number(flag.slice(ATTEMPT_KEYWORD.length));
    if (Number.isInteger(n) && n > most) most = n;
  }
  return most;
}

async function moveTo(client: ImapFlow, uid: number, mailbox: string): Promise<void> {
  const moved = await client.messageMove(String(uid), mailbox, { uid: true }).catch(() => false);
  if (moved) return;
  // The folder may not exist yet: create it and try again.
  await client.mailboxCreate(mailbox).catch(() => undefined);
  await client.messageMove(String(uid), mailbox, { uid: true });
}
