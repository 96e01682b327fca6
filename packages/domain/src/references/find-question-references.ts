import { isDigitSymbol, symbolOf, symbolValueIgnoringCase } from "./alphabet";
import { appendToCheckSum } from "./check-character";
import {
  MAX_PAYLOAD_LENGTH,
  MIN_PAYLOAD_LENGTH,
  parseQuestionReference,
  REFERENCE_PREFIX,
} from "./question-reference";

// Free text is full of Dutch words that start with V and use only reference symbols ("verkeerd",
// "verzekerd"). So in free text, unlike in a search box, we accept a candidate only when:
// - the V stands at the start of a word (not after a letter, a digit, or a letter and a dash);
// - every group is written in capitals or contains a digit (copied references are in capitals);
// - a candidate written as one word, without any dash or space, contains a digit;
// - its check character is valid (this alone removes 31 of 32 random candidates);
// - it has at most MAX_GROUPS groups.
// Groups run on across single spaces and dashes, so a following word may be read as a group.
// Rather than guessing where the reference ends, every valid prefix of the run counts: the real
// reference is never hidden by the word after it.

const START = /(?<![\p{L}\p{N}]|[\p{L}\p{N}][-\u2010-\u2015])v/giu;
const RUN = /v([\p{L}\p{N}]*)((?:[ \t\u00a0\-\u2010-\u2015][\p{L}\p{N}]+)*)/iuy;
const SEPARATED_GROUP = /([ \t\u00a0\-\u2010-\u2015])([\p{L}\p{N}]+)/gu;

type Group = { separated: boolean; text: string };

// The longest reference, written with a separator between every symbol, plus the character after
// it. Reading no further than this from each V keeps text full of Vs from costing quadratic time;
// a group cut off at this edge makes the body too long to parse, so the cut never invents a match.
const MAX_RUN_LENGTH = REFERENCE_PREFIX.length + 2 * (MAX_PAYLOAD_LENGTH + 1) + 2;
// Displayed references have groups of three or four; someone may space out every symbol of a
// short one ("V 7 K 3 M 9 Q X"), but nobody writes more groups than this.
const MAX_GROUPS = 16;

/**
 * Every valid question reference in a piece of free text (an email subject, a chat message), in
 * canonical form, in order of first appearance, without duplicates.
 *
 * @example findQuestionReferences("Re: uw vraag V-7K3M-9QX") // ["V-7K3M-9QX"] if its check is valid
 */
export function findQuestionReferences(text: string): string[] {
  const found = new Set<string>();
  for (const start of text.matchAll(START)) {
    RUN.lastIndex = 0;
    const run = RUN.exec(text.slice(start.index, start.index + MAX_RUN_LENGTH));
    if (run === null) continue;
    for (const reference of referencesInRun(run)) found.add(reference);
  }
  return [...found];
}

function referencesInRun(run: RegExpExecArray): string[] {
  const references: string[] = [];
  const body: number[] = [];
  let checkSum = 0;
  let separated = false;
  for (const group of groupsOf(run[1] ?? "", run[2] ?? "")) {
    const values = referenceGroupValues(group.text);
    if (values === null) break;
    separated ||= group.separated;
    for (const value of values) {
      body.push(value);
      checkSum = appendToCheckSum(checkSum, value);
    }
    if (body.length <= MIN_PAYLOAD_LENGTH || checkSum !== 0) continue;
    if (!separated && !body.some(isDigitSymbol)) continue;
    const parsed = parseQuestionReference(REFERENCE_PREFIX + body.map(symbolOf).join(""));
    if (parsed.ok) references.push(parsed.value.reference);
  }
  return references;
}

function groupsOf(attached: string, rest: string): Group[] {
  const groups: Group[] = attached === "" ? [] : [{ separated: false, text: attached }];
  for (const match of rest.matchAll(SEPARATED_GROUP)) {
    if (groups.length === MAX_GROUPS) break;
    groups.push({ separated: true, text: match[2] ?? "" });
  }
  return groups;
}

/** The symbol values of a group, or null when it is a word rather than part of a reference. */
function referenceGroupValues(text: string): number[] | null {
  const values: number[] = [];
  let hasDigit = false;
  let hasLowerCase = false;
  for (const char of text) {
    const value = symbolValueIgnoringCase(char);
    if (value === undefined) return null;
    values.push(value);
    hasDigit ||= isDigitSymbol(value);
    hasLowerCase ||= char !== char.toUpperCase();
  }
  return hasLowerCase && !hasDigit ? null : values;
}
