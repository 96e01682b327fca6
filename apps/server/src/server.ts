import { serve } from "@hono/node-server";
import type { Database } from "@omniloket/db";
import { createApp } from "./app";
import type { DemoMailbox } from "./channels/email";
import { closeLiveStreams } from "./features/live";
import type { Config } from "./platform/config";
import type { Logger } from "./platform/log";
import { filesDir } from "./platform/open-database";
import { directoryFileStore } from "./platform/storage/file-store";

export type RunningServer = { url: string; close(): Promise<void> };

/** Serves the app over HTTP; resolves once the port is listening. */
export function startHttpServer(
  config: Config,
  database: Database,
  log: Logger,
  extra: { installationTokenHash?: string; demoMailbox?: DemoMailbox | null } = {},
): Promise<RunningServer> {
  const files = directoryFileStore(filesDir(config));
  const { demoMailbox, ...more } = extra;
  const app = createApp({ database, config, log, clock: () => new Date(), files, ...more }, { demoMailbox });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
      resolve({
        url,
        async close() {
          // Open event streams would keep the HTTP server from closing; browsers resume elsewhere.
          await closeLiveStreams({ database, log });
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
