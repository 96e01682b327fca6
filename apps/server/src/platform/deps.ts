import type { Database } from "@omniloket/db";
import type { Config } from "./config";
import type { Logger } from "./log";
import type { FileStore } from "./storage/file-store";

/** What use cases may depend on; each takes only the parts it uses. */
export type AppDeps = {
  database: Database;
  config: Config;
  log: Logger;
  clock: () => Date;
  files: FileStore;
  /** sha256 of the local admin token the CLI uses while this server holds the embedded data directory. */
  installationTokenHash?: string;
};
