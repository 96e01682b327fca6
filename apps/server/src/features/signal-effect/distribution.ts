/** A distribution of values: how many, the quartiles and the median. Never a lone average. */
export type Distribution = { n: number; p25: number; median: number; p75: number };

/** Linear interpolation between the closest ranks (as spreadsheets compute a quartile). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The quartiles of `values` rounded to one decimal; null when there are none. */
export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p25: round1(quantile(sorted, 0.25)),
    median: round1(quantile(sorted, 0.5)),
    p75: round1(quantile(sorted, 0.75)),
  };
}
