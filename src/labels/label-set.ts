/**
 * A list of (user, tag, label) training or test examples, stored column-wise in typed arrays.
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
