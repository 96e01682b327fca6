// People type and paste numbers with spaces, dots and dashes ("1234.56.782", "0612-345 678"),
// including the typographic dashes word processors substitute.
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

export function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, "");
}
