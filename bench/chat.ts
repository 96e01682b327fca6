// (f) chat: the web chat widget as a municipality's site downloads it, and the message round trip.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createDb, migrate } from "@omniloket/db";
import { enableChat } from "../apps/server/src/channels/chat/chat.test-helpers";
import { buildWidget, WIDGET_DIR } from "../apps/server/src/channels/chat/widget-asset";
import { createTestTenant, TEST_PASSWORD } from "../apps/server/src/test-support/harness";
import { mainThreadProfile, summariseProfile } from "./cpu-profile";
import type { Settings } from "./settings";
import {
  freePort,
  freshDatabase,
  log,
  ms,
  num,
  readStream,
  record,
  removeTempDir,
  startServer,
  stopChild,
  summarise,
  tempDir,
  verdict,
} from "./support";

export type WidgetSize = { minifiedBytes: number; gzippedBytes: number };

/** Builds apps/widget as the server serves it (one minified file) and gzips it as a server would. */
export async function measureWidgetSize(): Promise<WidgetSize> {
  await buildWidget();
  const script = readFileSync(join(WIDGET_DIR, "dist", "widget.js"));
  return { minifiedBytes: script.length, gzippedBytes: gzipSync(script, { level: 9 }).length };
}

// ---------------------------------------------------------------------------------------------------
// Round trip: a visitor's message reaches the employee's live stream, the employee answers through the
// API, and the answer reaches the visitor's stream. N chats at once, each a few round trips in a row.

export type ChatRoundTrip = {
  chats: number;
  roundTrips: number;
  completed: number;
  /** The visitor's average pause between lines. */
  thinkSeconds: number;
  /** Visitor and employee lines together, per second over the run. */
  linesPerSecond: number;
  rtt: Stats;
  /**
   * Where the time goes: the visitor's POST answered; the employee's stream hears it (from sending);
   * the employee's POST answered; the visitor's stream hears the answer (from the employee hearing).
   */
  legs: { visitorPost: Stats; toEmployee: Stats; employeePost: Stats; toVisitor: Stats };
  connectMs: number;
};

type Stats = ReturnType<typeof summarise>;

export async function measureChatRoundTrip(s: Settings, thinkSeconds: number): Promise<ChatRoundTrip> {
  const site = "https://www.bench.test";
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_chat");
  const dataDir = tempDir("chat");
  const streams: Array<{ abort: AbortController; done: Promise<void> }> = [];
  try {
    const setup = await createDb({ kind: "postgres", url: database.url, poolSize: 2 });
    let tenantId: string;
    try {
      await migrate(setup);
      ({ tenantId } = await createTestTenant(setup, "bench"));
      await enableChat(setup, tenantId, "bench", 3_600, [site]);
    } finally {
      await setup.close();
    }
    const profileDir = s.cpuProfSeconds > 0 ? tempDir("chat-cpu-prof") : null;
    const server = await startServer(
      {
        DATABASE_URL: database.url,
        OMNILOKET_DATA_DIR: dataDir,
        OMNILOKET_DEMO: "0",
        HOST: "127.0.0.1",
        PORT: String(await freePort()),
        // Every simulated visitor comes from 127.0.0.1.
        OMNILOKET_CHAT_REQUESTS_PER_ADDRESS_PER_MINUTE: "1000000",
      },
      // BENCH_CPU_PROF_SECONDS > 0: this run is profiled (its figures then include the profiler's cost).
      profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {},
    );
    log(`chat: server child pid ${server.pid} at ${server.url}`);
    try {
      // The employee: one session, one live stream, answers every visitor message it hears of.
      const login = await fetch(`${server.url}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "agent@bench.test", password: TEST_PASSWORD }),
      });
      if (login.status !== 201) throw new Error(`login answered ${login.status}: ${await login.text()}`);
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const employee = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
      await fetch(`${server.url}/api/v1/presence`, {
        method: "PUT",
        headers: employee,
        body: JSON.stringify({ presence: "available" }),
      });

      const visitorHeaders = { origin: site, "content-type": "application/json" };
      const sessionOfQuestion = new Map<string, string>();
      const chats: Array<{
        sessionId: string;
        token: string;
        /** Resolves the visitor's wait for the answer. */
        waiting: ((at: number) => void) | null;
        /** A visitor message the employee has not answered yet. */
        unanswered: boolean;
        /** When the employee's stream heard the last visitor message, and when its answer was accepted. */
        heardAt: number;
        answerAckAt: number;
      }> = [];
      const [connectMs] = await timed(async () => {
        for (let i = 0; i < s.chatSessions; i++) {
          const response = await fetch(`${server.url}/chat/bench/sessions`, {
            method: "POST",
            headers: visitorHeaders,
            body: JSON.stringify({ language: "nl", topicId: "afval" }),
          });
          if (response.status !== 201)
            throw new Error(`chat start answered ${response.status}: ${await response.text()}`);
          const started = (await response.json()) as { sessionId: string; token: string };
          chats.push({ ...started, waiting: null, unanswered: false, heardAt: 0, answerAckAt: 0 });
        }
        const probe = await createDb({ kind: "postgres", url: database.url, poolSize: 1 });
        try {
          const rows = await probe.query<{ id: string; question_id: string }>(
            "SELECT id, question_id FROM chat_sessions",
          );
          for (const row of rows) sessionOfQuestion.set(row.question_id, row.id);
        } finally {
          await probe.close();
        }
        for (const chat of chats) {
          streams.push(
            await readStream(
              `${server.url}/chat/bench/sessions/${chat.sessionId}/events`,
              { origin: site, authorization: `Bearer ${chat.token}` },
              (frame) => {
                if (frame.event !== "message" || !chat.waiting) return;
                if ((JSON.parse(frame.data) as { sender?: string }).sender !== "employee") return;
                const resolve = chat.waiting;
                chat.waiting = null;
                resolve(frame.at);
              },
            ),
          );
        }
      });
      log(`chat: ${chats.length} chats started and their visitor streams open in ${ms(connectMs)}`);

      let answered = 0;
      streams.push(
        await readStream(`${server.url}/api/v1/events`, { cookie }, (frame) => {
          if (frame.event !== "chat.message") return;
          const { questionId } = JSON.parse(frame.data) as { questionId: string };
          const sessionId = sessionOfQuestion.get(questionId);
          const chat = chats.find((c) => c.sessionId === sessionId);
          // Our own answers are chat messages too: answer each visitor message once.
          if (!chat?.unanswered) return;
          chat.unanswered = false;
          answered++;
          chat.heardAt = frame.at;
          void fetch(`${server.url}/api/v1/chat-sessions/${sessionId}/messages`, {
            method: "POST",
            headers: employee,
            body: JSON.stringify({ text: "Dank u, ik kijk het voor u na." }),
          }).then((response) => {
            chat.answerAckAt = performance.now();
            return response.arrayBuffer();
          });
        }),
      );

      const rtts: number[] = [];
      const legs = {
        visitorPost: [] as number[],
        toEmployee: [] as number[],
        employeePost: [] as number[],
        toVisitor: [] as number[],
      };
      const trip = async (chat: (typeof chats)[number], k: number) => {
        const arrived = new Promise<number>((resolve) => {
          chat.waiting = resolve;
        });
        chat.unanswered = true;
        const sent = performance.now();
        const response = await fetch(`${server.url}/chat/bench/sessions/${chat.sessionId}/messages`, {
          method: "POST",
          headers: { ...visitorHeaders, authorization: `Bearer ${chat.token}` },
          body: JSON.stringify({ text: `Vraag ${k}: wanneer wordt mijn container geleegd?` }),
        });
        if (response.status !== 201 && response.status !== 200)
          throw new Error(`visitor message answered ${response.status}: ${await response.text()}`);
        const ackAt = performance.now();
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
        const at = await Promise.race([arrived, timeout]);
        if (at !== null) {
          rtts.push(at - sent);
          legs.visitorPost.push(ackAt - sent);
          legs.toEmployee.push(chat.heardAt - sent);
          legs.employeePost.push(chat.answerAckAt - chat.heardAt);
          legs.toVisitor.push(at - chat.heardAt);
        } else chat.waiting = null;
      };
      // Each chat: a few round trips with the visitor's reading and typing time between them (on
      // average `thinkSeconds`, each pause drawn between half and one and a half times that, so the
      // chats do not move in step), all chats at once with their starts spread over one pause.
      const thinkMs = thinkSeconds * 1000;
      const pause = () => new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
      const started = performance.now();
      await Promise.all(
        chats.map(async (chat) => {
          await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
          for (let k = 0; k < s.chatRoundTrips; k++) {
            await trip(chat, k);
            await pause();
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const figures: ChatRoundTrip = {
        chats: chats.length,
        roundTrips: chats.length * s.chatRoundTrips,
        completed: rtts.length,
        thinkSeconds,
        linesPerSecond: (2 * rtts.length) / seconds,
        rtt: summarise(rtts),
        legs: {
          visitorPost: summarise(legs.visitorPost),
          toEmployee: summarise(legs.toEmployee),
          employeePost: summarise(legs.employeePost),
          toVisitor: summarise(legs.toVisitor),
        },
        connectMs,
      };
      log(
        `chat: ${figures.completed} of ${figures.roundTrips} round trips (employee answered ${answered}), ` +
          `p50 ${ms(figures.rtt.p50)} p99 ${ms(figures.rtt.p99)} max ${ms(figures.rtt.max)}`,
      );
      return figures;
    } finally {
      for (const stream of streams) stream.abort.abort();
      await Promise.all(streams.map((st) => st.done));
      await stopChild(server.child);
      if (profileDir) printProfile(profileDir);
    }
  } finally {
    await database.drop();
    removeTempDir(dataDir);
  }
}

function printProfile(dir: string): void {
  const file = mainThreadProfile(dir);
  if (!file) {
    log("chat: no .cpuprofile written");
    return;
  }
  for (const line of summariseProfile(file)) console.log(`    ${line}`);
  console.log(`    (profile kept while this run lasts: ${file})`);
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** (f) chat: records the widget size and the round-trip figures. */
export async function benchChat(s: Settings): Promise<void> {
  const size = await measureWidgetSize();
  record({
    bench: "(f) chat widget",
    figure: "widget.js minified / gzipped",
    value: `${num(size.minifiedBytes / 1024, 1)} kB / ${num(size.gzippedBytes / 1024, 1)} kB`,
    target: "≤ 30 kB gzipped",
    verdict: verdict(size.gzippedBytes <= 30 * 1024),
  });
  for (const thinkSeconds of s.chatThinkSeconds) {
    const rt = await measureChatRoundTrip(s, thinkSeconds);
    const label = `(f) chat ${num(rt.chats)} chats, a line per ${num(thinkSeconds)} s`;
    const legs = rt.legs;
    record({
      bench: label,
      figure: "visitor → employee → visitor round trip p50 / p99",
      value: `${ms(rt.rtt.p50)} / ${ms(rt.rtt.p99)}`,
    });
    record({
      bench: label,
      figure: "p99 per leg: visitor POST / to employee / employee POST / to visitor",
      value: [legs.visitorPost, legs.toEmployee, legs.employeePost, legs.toVisitor]
        .map((leg) => ms(leg.p99))
        .join(" / "),
    });
    record({ bench: label, figure: "chat lines per second (both sides)", value: num(rt.linesPerSecond, 1) });
    record({
      bench: label,
      figure: "round trips completed / tried",
      value: `${num(rt.completed)} / ${num(rt.roundTrips)}`,
      verdict: rt.completed === rt.roundTrips ? "none lost" : "SOME LOST",
    });
    record({ bench: label, figure: "chats started and streams open", value: ms(rt.connectMs) });
  }
}
