import type { Database } from "@omniloket/db";
import type { Logger } from "../../platform/log";
import { liveHubFor } from "./live-event-hub";

/**
 * Ends every open stream of this process, for a clean shutdown: an open stream would otherwise keep
 * the HTTP server from closing. Browsers reconnect to another process and resume with Last-Event-ID.
 */
export async function closeLiveStreams(deps: { database: Database; log: Logger }): Promise<void> {
  await liveHubFor(deps.database, deps.log).close();
}
