/**
 * The one shape of labelled (user, tag) pairs: training labels (training-labels.ts), the test sets
 * (src/testsets/), the files the bench reads (io/dataset/read-bench-dataset.ts) and the test rows checked
 * by `ctar validate` all are a LabelSet, stored column-wise in typed arrays.
 */
export interface LabelSet {
  /** Number of examples. */
  readonly n: number;
  readonly user: Int32Array;
  readonly tag: Int32Array;
  /** 0/1 labels (stored as doubles so models read them without conversion). */
  readonly label: Float64Array;
}

/** Number of positive (label 1) examples in a set. */
export function countPositive(set: LabelSet): number {
  let c = 0;
  for (let i = 0; i < set.n; i++) if (set.label[i] === 1) c++;
  return c;
}

/**
 * Collects triples in insertion order, dropping repeats of the same (user, tag, label) triple.
 * `tags` bounds the tag ids; keys are (user · tags + tag) · 2 + label.
 */
export class LabelSetBuilder {
  private user: number[] = [];
  private tag: number[] = [];
  private label: number[] = [];
  private readonly seen = new Set<number>();
  constructor(private readonly tags: number) {}

  /** Adds the triple unless already present; returns whether it was new. */
  add(u: number, t: number, y: 0 | 1): boolean {
    const key = (u * this.tags + t) * 2 + y;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.user.push(u);
    this.tag.push(t);
    this.label.push(y);
    return true;
  }

  build(): LabelSet {
    return {
      n: this.user.length,
      user: Int32Array.from(this.user),
      tag: Int32Array.from(this.tag),
      label: Float64Array.from(this.label),
    };
  }
}

/** A LabelSet from parallel number lists. */
export function labelSetOf(user: readonly number[], tag: readonly number[], label: readonly number[]): LabelSet {
  return { n: user.length, user: Int32Array.from(user), tag: Int32Array.from(tag), label: Float64Array.from(label) };
}

/** Keeps the first row of each (user, tag), in order (`tags` bounds the tag ids). */
export function dedupePairs(set: LabelSet, tags: number): LabelSet {
  const seen = new Set<number>();
  const u: number[] = [];
  const g: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < set.n; i++) {
    const key = set.user[i]! * tags + set.tag[i]!;
    if (seen.has(key)) continue;
    seen.add(key);
    u.push(set.user[i]!);
    g.push(set.tag[i]!);
    l.push(set.label[i]!);
  }
  return labelSetOf(u, g, l);
}

/** The rows of each set in turn. */
export function concatLabelSets(...sets: readonly LabelSet[]): LabelSet {
  const n = sets.reduce((s, t) => s + t.n, 0);
  const user = new Int32Array(n);
  const tag = new Int32Array(n);
  const label = new Float64Array(n);
  let o = 0;
  for (const t of sets) {
    user.set(t.user, o);
    tag.set(t.tag, o);
    label.set(t.label, o);
    o += t.n;
  }
  return { n, user, tag, label };
}
