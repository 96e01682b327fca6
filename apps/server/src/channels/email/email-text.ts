import sanitizeHtml from "sanitize-html";

// Reply headers that start quoted history, Dutch and English, as mail clients write them.
const historyStarts: RegExp[] = [
  /^\s*Op\s.+\sschreef\s.*:\s*$/i,
  /^\s*On\s.+\swrote:\s*$/i,
  /^\s*-{2,}\s*(Oorspronkelijk bericht|Original Message|Doorgestuurd bericht|Forwarded message)\s*-{2,}/i,
  /^\s*_{10,}\s*$/,
];
const fromLine = /^\s*\*?(Van|From):\*?\s/i;
const sentLine = /^\s*\*?(Verzonden|Sent|Datum|Date|Aan|To):\*?\s/i;

function startsHistory(lines: string[], index: number): boolean {
  const line = lines[index] ?? "";
  // Clients wrap a long "Op … schreef … <adres>:" over two lines.
  const joined = `${line} ${lines[index + 1] ?? ""}`;
  if (historyStarts.some((p) => p.test(line))) return true;
  if (/^\s*(Op|On)\s/i.test(line) && historyStarts.slice(0, 2).some((p) => p.test(joined))) return true;
  if (fromLine.test(line)) return lines.slice(index + 1, index + 4).some((l) => sentLine.test(l));
  return false;
}

/** The new part of a reply: quoted lines and everything from a reply header on are history. */
export function separateNewText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (startsHistory(lines, i)) break;
    const line = lines[i] ?? "";
    if (line.trimStart().startsWith(">")) continue;
    kept.push(line.trimEnd());
  }
  const result = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // A reply that is only a quote still says something; keep it rather than store nothing.
  return result.length > 0 ? result : text.trim();
}

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    ...[
      "p",
      "br",
      "div",
      "span",
      "b",
      "strong",
      "i",
      "em",
      "u",
      "ul",
      "ol",
      "li",
      "pre",
      "code",
      "blockquote",
    ],
    ...["h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th", "a"],
  ],
  // No images at all (remote images track the reader), no styles, no event handlers.
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  disallowedTagsMode: "discard",
  // Quoted history in HTML mail sits in a blockquote.
  exclusiveFilter: (frame) => frame.tag === "blockquote",
};

/** HTML made safe with an allow-list: no scripts, event handlers, styles or remote images. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, allowList);
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of HTML-only mail, after sanitising it. */
export function htmlToPlainText(html: string): string {
  const safe = sanitizeEmailHtml(html)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "- ")
    .replace(/<\/(p|h[1-6]|pre|table|ul|ol)>/gi, "\n\n")
    .replace(/<\/(div|li|tr)>/gi, "\n")
    .replace(/<\/t[dh]>/gi, "\t");
  const text = sanitizeHtml(safe, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Windows-1252 in the 0x80–0x9f range, where ISO-8859-1 has control characters.
const cp1252: Record<number, string> = {
  128: "€",
  130: "‚",
  131: "ƒ",
  132: "„",
  133: "…",
  134: "†",
  135: "‡",
  136: "ˆ",
  137: "‰",
  138: "Š",
  139: "‹",
  140: "Œ",
  142: "Ž",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
  152: "˜",
  153: "™",
  154: "š",
  155: "›",
  156: "œ",
  158: "ž",
  159: "Ÿ",
};

/**
 * Mail declared ISO-8859-1 is usually written in Windows-1252 (€, curly quotes); decoded as Latin-1
 * those become C1 control characters, which no real text contains.
 */
export function repairLatin1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => cp1252[c.charCodeAt(0)] ?? "");
}
