import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

export type LockInfo = { pid: number; startedAt: string; url?: string };

export class DataDirLockedError extends Error {
  readonly code = "data-dir-locked";
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `De datamap ${dataDir} is in gebruik door een ander Omniloket-proces (pid ${holder.pid}). ` +
        "Stop dat proces, of gebruik een andere datamap met OMNILOKET_DATA_DIR.",
    );
  }
}

export const lockFileName = "omniloket.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, lockFileName), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * PGlite has no lock between processes, so only one process may open an embedded data directory.
 * A lock left by a dead process is cleared; a live holder gives a clear error.
 */
export function acquireDataDirLock(dataDir: string, info: Omit<LockInfo, "pid" | "startedAt"> = {}) {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      const lock: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...info };
      writeSync(fd, JSON.stringify(lock));
      closeSync(fd);
      return {
        update(extra: Partial<LockInfo>) {
          const next = { ...lock, ...extra };
          const f = openSync(path, "w");
          writeSync(f, JSON.stringify(next));
          closeSync(f);
        },
        release() {
          const current = readLock(dataDir);
          if (current?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DataDirLockedError(dataDir, holder);
      try {
        unlinkSync(path);
      } catch {
        // Another process cleared it first; try again.
      }
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
