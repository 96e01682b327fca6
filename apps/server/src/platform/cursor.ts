import { invalidInput } from "./errors";

/** An opaque keyset cursor: a time and an id, so pages stay fast at any depth. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString("base64url");
}

/** `at` is a timestamp text with microseconds, as PostgreSQL keeps it, so no row is skipped or repeated. */
export function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw invalidInput([
      { name: "cursor", code: "invalid-cursor", reason: "Ongeldige cursor; begin opnieuw zonder cursor." },
    ]);
  }
  return { at: at as string, id };
}
