/**
 * Jaro–Winkler similarity, from 0 (nothing in common) to 1 (equal). It rewards a shared start,
 * which suits names and street names, where typing errors tend to come late in the word.
 */
export function jaroWinkler(a: string, b: string): number {
  const jaro = jaroSimilarity(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function jaroSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedInB = new Array<boolean>(b.length).fill(false);
  const matchesInA: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedInB[j] || a[i] !== b[j]) continue;
      matchedInB[j] = true;
      matchesInA.push(a[i] ?? "");
      break;
    }
  }
  const matches = matchesInA.length;
  if (matches === 0) return 0;
  const matchesInB = [...b].filter((_, j) => matchedInB[j]);
  const halfTranspositions = matchesInA.filter((char, k) => char !== matchesInB[k]).length;
  const transpositions = halfTranspositions / 2;
  return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
}
