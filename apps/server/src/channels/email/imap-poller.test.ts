import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { ImapFlow } from "imapflow";
import type { AppDeps } from "../../platform/deps";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { freePort } from "../../test-support/processes";
import { type ImapSettings, type RunningImapPoller, startImapPolling } from "./imap-poller";
import { receiveEmail } from "./receive-email";

const DOVECOT = "/usr/sbin/dovecot";
const PASSWORD = "geheim";

type Dovecot = { port: number; dir: string; stop(): Promise<void> };

const running = new Set<ChildProcess>();
// Whatever happens to the tests, no dovecot outlives the test process.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Debian's dovecot with a configuration of its own in a temporary directory: IMAP on a free loopback
 * port, plain-text login, users from a passwd file, maildirs under the directory. Runs as the current
 * user (root in CI), without chroot, so it needs nothing from /etc/dovecot.
 */
async function startDovecot(users: string[]): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), "omniloket-dovecot-"));
  const port = await freePort();
  const { uid, gid, username } = userInfo();
  const group =
    readFileSync("/etc/group", "utf8")
      .split("\n")
      .map((line) => line.split(":"))
      .find((fields) => fields[2] === String(gid))?.[0] ?? username;
  // Dovecot refuses root for logins and mail access: as root both run as nobody, which must reach
  // the sockets in run/ and own the maildirs.
  const nobody = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === "nobody");
  const asRoot = uid === 0 && nobody !== undefined;
  const loginUser = asRoot ? "nobody" : username;
  const mailUid = asRoot ? Number(nobody[2]) : uid;
  const mailGid = asRoot ? Number(nobody[3]) : gid;
  chmodSync(dir, 0o755);
  for (const sub of ["run", "state", "mail", "home"]) mkdirSync(join(dir, sub));
  if (asRoot) for (const sub of ["mail", "home"]) chownSync(join(dir, sub), mailUid, mailGid);
  writeFileSync(
    join(dir, "passwd"),
    // No uid/gid per user (passwd-file refuses 0): mail_uid and mail_gid below apply to everyone.
    users.map((u) => `${u}:{PLAIN}${PASSWORD}:::::\n`).join(""),
  );
  const conf = join(dir, "dovecot.conf");
  writeFileSync(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${username}
default_internal_group = ${group}
default_login_user = ${loginUser}
first_valid_uid = 0
first_valid_gid = 0
mail_uid = ${mailUid}
mail_gid = ${mailGid}
mail_home = ${dir}/home/%u
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  const child = spawn(DOVECOT, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    }
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const log = () => {
    const file = join(dir, "dovecot.log");
    return `${output}${existsSync(file) ? readFileSync(file, "utf8") : ""}`;
  };
  try {
    const deadline = Date.now() + 15_000;
    while (!(await greets(port))) {
      if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${log()}`);
      if (Date.now() > deadline) throw new Error(`dovecot did not answer on ${port}: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, dir, stop };
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once("data", (d) => finish(d.toString().startsWith("* OK")));
    socket.once("error", () => finish(false));
  });
}

function mail(fields: { from?: string; to?: string; messageId: string; subject: string; text: string }) {
  return Buffer.from(
    [
      ...(fields.from ? [`From: ${fields.from}`] : []),
      `To: ${fields.to ?? "contact@imap.test"}`,
      `Subject: ${fields.subject}`,
      `Message-ID: ${fields.messageId}`,
      "Date: Mon, 3 Jun 2024 10:00:00 +0200",
      "Content-Type: text/plain; charset=utf-8",
      "",
      fields.text,
      "",
    ].join("\r\n"),
  );
}

const hasDovecot = existsSync(DOVECOT);

for (const backend of testBackends()) {
  describe(hasDovecot
    ? `email over IMAP polling (${backend.name})`
    : `email over IMAP polling (${backend.name}): SKIPPED, ${DOVECOT} is missing (apt-get install dovecot-imapd; .ci/run does)`, {
    skip: !hasDovecot,
  }, () => {
    let dovecot: Dovecot | null = null;
    let database: (Database & { drop(): Promise<void> }) | null = null;
    let deps: AppDeps;
    let seen: TestTenant;
    let moved: TestTenant;
    let poller: RunningImapPoller | null = null;
    const clients: ImapFlow[] = [];
    /** Per message: whether it was still unseen in the mailbox while receiveEmail ran. */
    const unseenDuringIngest = new Map<string, boolean>();
    const poisonSubject = "Gif";
    let observer: ImapFlow;

    const mailbox = async (user: string) => {
      const client = new ImapFlow({
        host: "127.0.0.1",
        port: dovecot?.port ?? 0,
        secure: false,
        auth: { user, pass: PASSWORD },
        logger: false,
        disableAutoIdle: true,
      });
      client.on("error", () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    };
    const imapSettings = (user: string, extra: Partial<ImapSettings> = {}): ImapSettings => ({
      url: `imap://${user}:${PASSWORD}@127.0.0.1:${dovecot?.port}`,
      mailbox: "INBOX",
      ...extra,
    });
    const configure = async (tenant: TestTenant, address: string, imap: ImapSettings) =>
      database?.query(
        `UPDATE tenants SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{channels}', $2::jsonb) WHERE id = $1`,
        [tenant.tenantId, JSON.stringify({ email: { addresses: [address], from: address, imap } })],
      );
    const count = async (sql: string, params: unknown[] = []) =>
      Number(
        (await database?.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))?.[0]?.n,
      );
    /** Flags of the messages in a user's mailbox, by Message-ID. */
    const flagsIn = async (user: string, folder = "INBOX") => {
      const client = await mailbox(user);
      const result = new Map<string, Set<string>>();
      const lock = await client.getMailboxLock(folder);
      try {
        for (const m of await client.fetchAll("1:*", { flags: true, envelope: true })) {
          const id = m.envelope?.messageId ?? "";
          result.set(
            `${id}#${[...result.keys()].filter((k) => k.startsWith(id)).length}`,
            m.flags ?? new Set(),
          );
        }
      } catch {
        // an empty mailbox has no 1:*
      } finally {
        lock.release();
      }
      await client.logout();
      return result;
    };
    const flagsOf = async (user: string, messageId: string, folder = "INBOX") =>
      (await flagsIn(user, folder)).get(`${messageId}#0`);

    before(async () => {
      dovecot = await startDovecot(["alpha", "beta"]);
      database = await backend.open();
      seen = await createTestTenant(database, "imapa");
      moved = await createTestTenant(database, "imapb");
      const nowhere = await createTestTenant(database, "imapc");
      await configure(seen, "contact@imapa.test", imapSettings("alpha"));
      await configure(moved, "contact@imapb.test", imapSettings("beta", { processedMailbox: "Verwerkt" }));
      // An unreachable mailbox must not hold up the others.
      await configure(nowhere, "contact@imapc.test", { url: `imap://x:y@127.0.0.1:${await freePort()}` });
      deps = testDeps(database);
      observer = await mailbox("alpha");
      poller = startImapPolling(deps, {
        intervalMs: 3_600_000,
        initialDelayMs: 3_600_000,
        maxAttempts: 3,
        async receive(d, input) {
          const mail = input.raw.toString("utf8");
          const id = /^Message-ID: (.*)$/m.exec(mail)?.[1]?.trim() ?? "";
          if (input.tenantId === seen.tenantId && id) {
            // A second connection looks at the mailbox while the message is being ingested.
            const lock = await observer.getMailboxLock("INBOX");
            try {
              const unseen = await observer.search({ seen: false, header: { "message-id": id } });
              unseenDuringIngest.set(id, Array.isArray(unseen) && unseen.length > 0);
            } finally {
              lock.release();
            }
          }
          if (mail.includes(`Subject: ${poisonSubject}`)) throw new Error("simulated failure");
          return receiveEmail(d, input);
        },
      });
    });

    after(async () => {
      try {
        await poller?.stop();
        for (const client of clients) await client.logout().catch(() => client.close());
        await database?.drop();
      } finally {
        await dovecot?.stop();
      }
    });

    it("lands an unseen mail in the resident's timeline and marks it seen only after ingest", async () => {
      const alpha = await mailbox("alpha");
      await alpha.append(
        "INBOX",
        mail({
          from: "Els de Wit <els@voorbeeld.test>",
          messageId: "<imap-1@voorbeeld.test>",
          subject: "Lantaarnpaal kapot",
          text: "De lantaarnpaal voor mijn huis is kapot.",
        }),
      );
      const passes = await poller?.poll();
      const mine = passes?.find((p) => p.tenantId === seen.tenantId);
      assert.deepEqual(mine, { tenantId: seen.tenantId, ingested: 1, quarantined: 0, failed: 0 });
      assert.ok(
        passes?.some((p) => p.error),
        "the unreachable mailbox is reported, the others polled",
      );
      assert.equal(unseenDuringIngest.get("<imap-1@voorbeeld.test>"), true);
      assert.ok((await flagsOf("alpha", "<imap-1@voorbeeld.test>"))?.has("\\Seen"));
      const [row] =
        (await database?.query<{ text: string; value: string }>(
          `SELECT i.text, pi.value FROM interactions i
               JOIN interaction_parties ip ON ip.interaction_id = i.id
               JOIN party_identifiers pi ON pi.party_id = ip.timeline_party_id
              WHERE i.tenant_id = $1 AND i.external_id = '<imap-1@voorbeeld.test>'`,
          [seen.tenantId],
        )) ?? [];
      assert.deepEqual(row, {
        text: "De lantaarnpaal voor mijn huis is kapot.",
        value: "els@voorbeeld.test",
      });
    });

    it("moves a processed mail to the processed mailbox when one is configured", async () => {
      const beta = await mailbox("beta");
      await beta.append(
        "INBOX",
        mail({
          from: "piet@voorbeeld.test",
          to: "contact@imapb.test",
          messageId: "<imap-b1@voorbeeld.test>",
          subject: "Parkeervergunning",
          text: "Hoe vraag ik een parkeervergunning aan?",
        }),
      );
      await poller?.poll();
      assert.equal(await flagsOf("beta", "<imap-b1@voorbeeld.test>"), undefined);
      assert.ok((await flagsOf("beta", "<imap-b1@voorbeeld.test>", "Verwerkt"))?.has("\\Seen"));
      assert.equal(
        await count("interactions WHERE tenant_id = $1 AND external_id = '<imap-b1@voorbeeld.test>'", [
          moved.tenantId,
        ]),
        1,
      );
    });

    it("stores nothing new on a second poll", async () => {
      const before = await count("interactions");
      const passes = await poller?.poll();
      assert.ok(passes?.filter((p) => !p.error).every((p) => p.ingested === 0 && p.quarantined === 0));
      assert.equal(await count("interactions"), before);
    });

    it("stores a mail appended twice with the same Message-ID once, and marks both seen", async () => {
      const alpha = await mailbox("alpha");
      const twice = mail({
        from: "els@voorbeeld.test",
        messageId: "<imap-twice@voorbeeld.test>",
        subject: "Dubbel",
        text: "Twee keer.",
      });
      await alpha.append("INBOX", twice);
      await alpha.append("INBOX", twice);
      const mine = (await poller?.poll())?.find((p) => p.tenantId === seen.tenantId);
      assert.equal(mine?.ingested, 2);
      assert.equal(await count("interactions WHERE external_id = '<imap-twice@voorbeeld.test>'"), 1);
      const flags = await flagsIn("alpha");
      assert.ok(flags.get("<imap-twice@voorbeeld.test>#0")?.has("\\Seen"));
      assert.ok(flags.get("<imap-twice@voorbeeld.test>#1")?.has("\\Seen"));
    });

    it("quarantines an unreadable or unattributable message and marks it seen", async () => {
      const alpha = await mailbox("alpha");
      await alpha.append(
        "INBOX",
        mail({ messageId: "<imap-nofrom@voorbeeld.test>", subject: "Zonder afzender", text: "Hallo" }),
      );
      await alpha.append("INBOX", Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x0d, 0x0a, 0x80, 0x81, 0x0d, 0x0a]));
      const mine = (await poller?.poll())?.find((p) => p.tenantId === seen.tenantId);
      assert.deepEqual(mine, { tenantId: seen.tenantId, ingested: 0, quarantined: 2, failed: 0 });
      assert.equal(await count("quarantined_messages WHERE tenant_id = $1", [seen.tenantId]), 2);
      assert.equal(await count("interactions WHERE external_id = '<imap-nofrom@voorbeeld.test>'"), 0);
      const flags = await flagsIn("alpha");
      assert.ok([...flags.values()].every((f) => f.has("\\Seen")));
    });

    it("retries a failing message, keeps processing the others, and quarantines it after the last attempt", async () => {
      const alpha = await mailbox("alpha");
      await alpha.append(
        "INBOX",
        mail({
          from: "els@voorbeeld.test",
          messageId: "<imap-gif@voorbeeld.test>",
          subject: "Gif",
          text: "x",
        }),
      );
      await alpha.append(
        "INBOX",
        mail({
          from: "els@voorbeeld.test",
          messageId: "<imap-ok@voorbeeld.test>",
          subject: "Goed",
          text: "y",
        }),
      );
      const first = (await poller?.poll())?.find((p) => p.tenantId === seen.tenantId);
      assert.deepEqual(first, { tenantId: seen.tenantId, ingested: 1, quarantined: 0, failed: 1 });
      const afterFirst = await flagsOf("alpha", "<imap-gif@voorbeeld.test>");
      assert.equal(afterFirst?.has("\\Seen"), false, "a failed message stays unseen");
      assert.ok(afterFirst?.has("$OmniloketAttempt1"), "the attempt is counted on the message");
      await poller?.poll();
      await poller?.poll();
      // A fresh poller (a restarted server) continues the count from the message's keywords.
      const restarted = startImapPolling(deps, {
        intervalMs: 3_600_000,
        initialDelayMs: 3_600_000,
        maxAttempts: 3,
        receive: () => Promise.reject(new Error("must not be called: the attempts are used up")),
      });
      const last = (await restarted.poll()).find((p) => p.tenantId === seen.tenantId);
      await restarted.stop();
      assert.deepEqual(last, { tenantId: seen.tenantId, ingested: 0, quarantined: 1, failed: 0 });
      assert.ok((await flagsOf("alpha", "<imap-gif@voorbeeld.test>"))?.has("\\Seen"));
      assert.equal(await count("quarantined_messages WHERE reason = 'imap-failed'"), 1);
      assert.equal(await count("interactions WHERE external_id = '<imap-gif@voorbeeld.test>'"), 0);
    });

    it("polls on its interval and stops cleanly", async () => {
      const alpha = await mailbox("alpha");
      const ticking = startImapPolling(deps, { intervalMs: 20 });
      await alpha.append(
        "INBOX",
        mail({
          from: "els@voorbeeld.test",
          messageId: "<imap-tick@voorbeeld.test>",
          subject: "Tik",
          text: "z",
        }),
      );
      const deadline = Date.now() + 10_000;
      while ((await count("interactions WHERE external_id = '<imap-tick@voorbeeld.test>'")) === 0) {
        assert.ok(Date.now() < deadline, "the interval poller did not pick up the mail");
        await new Promise((r) => setTimeout(r, 50));
      }
      await ticking.stop();
      assert.deepEqual(await ticking.poll(), [], "no pass runs after stop");
      await alpha.append(
        "INBOX",
        mail({
          from: "els@voorbeeld.test",
          messageId: "<imap-late@voorbeeld.test>",
          subject: "Laat",
          text: "z",
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await count("interactions WHERE external_id = '<imap-late@voorbeeld.test>'"), 0);
    });
  });
}
