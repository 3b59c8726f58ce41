/**
 * The search orders of recoverability.ts: subsets of a variable list by increasing size, and all
 * orderings of a list, each in a fixed order so that the first criterion found is reproducible.
 */

/** Subsets of `xs` by increasing size up to `max` (the empty set first when `withEmpty`), then `xs` itself. */
export function* subsetsBySize(xs: readonly string[], max: number, withEmpty: boolean): Generator<string[]> {
  const seen = new Set<string>();
  const emit = (s: string[]): string[] | undefined => {
    const k = s.join("\u0000");
    if (seen.has(k)) return undefined;
    seen.add(k);
    return s;
  };
  if (withEmpty) yield emit([])!;
  const limit = Math.min(max, xs.length);
  for (let size = 1; size <= limit; size++) {
    for (const s of combinations(xs, size)) {
      const e = emit(s);
      if (e !== undefined) yield e;
    }
  }
  if (xs.length > limit) {
    const e = emit([...xs]);
    if (e !== undefined) yield e;
  }
}

export function* combinations(xs: readonly string[], k: number, start = 0): Generator<string[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= xs.length - k; i++) for (const rest of combinations(xs, k - 1, i + 1)) yield [xs[i]!, ...rest];
}

export function* permutations(xs: readonly string[]): Generator<string[]> {
  if (xs.length <= 1) {
    yield [...xs];
    return;
  }
  for (let i = 0; i < xs.length; i++) {
    const rest = [...xs.slice(0, i), ...xs.slice(i + 1)];
    for (const p of permutations(rest)) yield [xs[i]!, ...p];
  }
}
