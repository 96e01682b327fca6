import { readLock } from "@omniloket/db";
import { readInstallationToken } from "../platform/auth/installation-token";
import type { Config } from "../platform/config";

export type AdminApi = {
  post<T>(path: string, body: unknown): Promise<T>;
  /** POST and read a newline-delimited JSON stream, line by line. */
  stream(path: string, body: unknown, onLine: (line: Record<string, unknown>) => void): Promise<void>;
};

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
    async stream(path, body, onLine) {
      const response = await fetch(`${base}/api/v1/admin${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        throw new Error(problem.detail ?? `De server antwoordde ${response.status}.`);
      }
      let buffered = "";
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        buffered += decoder.decode(chunk, { stream: true });
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as Record<string, unknown>);
      }
    },
  };
}
