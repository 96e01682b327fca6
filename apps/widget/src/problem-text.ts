import type { ApiError } from "./api";
import type { Texts } from "./texts";

/**
 * What the visitor reads when a request failed: the server's own words (its Dutch problem detail), or
 * the same in the widget's language by the problem's code; the widget's own text when the server did
 * not answer (fetch's English network errors are TypeErrors) or said nothing but a status.
 */
export function problemText(t: Texts, failure: unknown): string {
  if (!(failure instanceof Error) || failure instanceof TypeError) return t.error;
  const { message, code } = failure as ApiError;
  const translated = code ? t.problems[code] : undefined;
  if (translated) return translated;
  return /^\d+$/.test(message) ? t.error : message;
}
