/**
 * "Did you mean …?" for a mistyped choice value. Optimal-string-alignment distance (Levenshtein
 * plus the swap of two neighbours, Damerau): a short function costs nothing at start-up.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Longer than every option, key, product and code name (the longest is under 30 characters). */
const SUGGEST_MAX_LENGTH = 64;

/**
 * The valid value closest to `input` (any case), or undefined when none is close: the one that
 * differs only by spaces, hyphens or underscores (`5 g` → 5g, `octagam10` → octagam-10), else the
 * one it is the start of (`flebogamma` → flebogamma-dif-10), else the nearest within a third of the
 * shorter length (`privign` → privigen); never a guess for a two-letter value (`uk` is not `us`).
 * Ties go to the first in `values`. A value longer than `SUGGEST_MAX_LENGTH` gets no guess: it is
 * no typo of a name, and the distance costs time and memory with its length.
 */
export function closest(input: string, values: readonly string[]): string | undefined {
  if (input.length > SUGGEST_MAX_LENGTH) return undefined;
  const text = input.toLowerCase();
  const bare = (s: string) => s.replace(/[\s_-]/g, "");
  const same = values.find((v) => bare(v) === bare(text));
  if (same !== undefined) return same;
  const starts = text.length >= 3 ? values.filter((v) => v.startsWith(text)) : [];
  if (starts.length === 1) return starts[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const value of values) {
    const distance = editDistance(text, value);
    if (distance <= Math.floor(Math.min(text.length, value.length) / 3) && distance < bestDistance) {
      best = value;
      bestDistance = distance;
    }
  }
  return best;
}
