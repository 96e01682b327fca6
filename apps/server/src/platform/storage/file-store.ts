import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";

/**
 * The storage port for attachment bytes (DESIGN §5), content-addressed by sha256. A directory now; an
 * S3-compatible bucket when there is more than one node.
 */
export type FileStore = {
  /** Writes and flushes the bytes before returning, so a transaction that refers to them can commit. */
  put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }>;
  get(sha256: string): Promise<Uint8Array | null>;
};

function pathOf(root: string, sha256: string): string {
  return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function directoryFileStore(root: string): FileStore {
  return {
    async put(bytes) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const target = pathOf(root, sha256);
      try {
        if (statSync(target).size === bytes.byteLength) return { sha256, sizeBytes: bytes.byteLength };
      } catch {
        // Not stored yet.
      }
      mkdirSync(dirname(target), { recursive: true });
      // Write to a temporary name, flush, then rename: a reader never sees half a file.
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      const fd = openSync(temporary, "w", 0o600);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
      fsyncPath(dirname(target));
      return { sha256, sizeBytes: bytes.byteLength };
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      try {
        return readFileSync(pathOf(root, sha256));
      } catch {
        return null;
      }
    },
  };
}
