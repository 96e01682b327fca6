import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashSecret, newSecret } from "./tokens";

/**
 * While a server holds an embedded data directory, CLI commands go through its admin API. They prove
 * they run as the same operating-system user by reading this token from the data directory (mode 0600).
 * A new token is made at every start and removed at shutdown.
 */
const fileName = "admin.token";

export function writeInstallationToken(dataDir: string): { tokenHash: string; remove(): void } {
  const token = newSecret("oli");
  const path = join(dataDir, fileName);
  writeFileSync(path, token, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { tokenHash: hashSecret(token), remove: () => rmSync(path, { force: true }) };
}

export function readInstallationToken(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, fileName), "utf8").trim();
  } catch {
    return null;
  }
}
