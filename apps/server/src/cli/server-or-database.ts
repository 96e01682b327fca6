import { readLock } from "@omniloket/db";
import { readInstallationToken } from "../platform/auth/installation-token";
import type { Config } from "../platform/config";

export type AdminApi = { post<T>(path: string, body: unknown): Promise<T> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Only one process may open an embedded data directory. When a live server holds it, a CLI command
 * goes through that server's admin API with the local installation token instead.
 */
export function runningServerApi(config: Config): AdminApi | null {
  if (config.databaseUrl) return null;
  const lock = readLock(config.dataDir);
  if (!lock || lock.pid === process.pid || !isAlive(lock.pid) || !lock.url) return null;
  const token = readInstallationToken(config.dataDir);
  if (!token) return null;
  const base = lock.url;
  return {
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await fetch(`${base}/api/v1/admin${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const payload = (await response.json()) as T & { detail?: string };
      if (!response.ok) throw new Error(payload.detail ?? `De server antwoordde ${response.status}.`);
      return payload;
    },
  };
}
