import { invalidInput } from "../../platform/errors";

export const MAX_CHAT_MESSAGE_CHARS = 2000;

/** C0 controls except tab and line feed, and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A chat line as plain text: control characters (except line breaks and tabs) removed, line ends
 * normalised, trimmed. Never interpreted as HTML; whoever shows it escapes it.
 */
export function cleanChatText(input: string, field = "text", max = MAX_CHAT_MESSAGE_CHARS): string {
  const text = input.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim();
  if (text.length === 0)
    throw invalidInput(
      [{ name: field, code: "required", reason: "Typ eerst een bericht." }],
      "Typ eerst een bericht.",
    );
  if ([...text].length > max)
    throw invalidInput(
      [{ name: field, code: "too-long", reason: `Maximaal ${max} tekens.` }],
      `Uw bericht is te lang. Er passen ${max} tekens in één bericht.`,
    );
  return text;
}
