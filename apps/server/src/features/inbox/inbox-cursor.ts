import { invalidInput } from "../../platform/errors";

/** A keyset position in a list ordered by (due time or infinity, a second time, id); opaque to clients. */
export type KeysetPosition = { due: string | null; at: string; id: string };

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID = /^[0-9a-f-]{36}$/;

export function encodeKeyset(position: KeysetPosition): string {
  return Buffer.from(`${position.due ?? "-"}|${position.at}|${position.id}`).toString("base64url");
}

/** Times are UTC text with microseconds (platform/sql.ts `utcMicros`), so no row is skipped or repeated. */
export function decodeKeyset(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  const [due, at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const dueOk = due === "-" || (due !== undefined && TIME.test(due));
  if (!dueOk || !at || !TIME.test(at) || !id || !UUID.test(id)) {
    throw invalidInput([
      { name: "cursor", code: "invalid-cursor", reason: "Ongeldige cursor; begin opnieuw zonder cursor." },
    ]);
  }
  return { due: due === "-" ? null : (due as string), at, id };
}
