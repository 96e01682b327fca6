/** The outcome of a rule that can fail for a known, typed reason. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; problem: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(problem: E): { ok: false; problem: E } {
  return { ok: false, problem };
}
