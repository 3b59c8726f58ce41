/** A list of (user, tag, label) rows: a test set or a set of known training labels. */
export interface LabelTable {
  readonly user: Int32Array;
  readonly tag: Int32Array;
  readonly label: Uint8Array;
}

/** Builds a LabelTable from parallel number lists. */
export function labelTable(user: number[], tag: number[], label: number[]): LabelTable {
  return { user: Int32Array.from(user), tag: Int32Array.from(tag), label: Uint8Array.from(label) };
}

/** Keeps the first row of each (user, tag), in order. */
export function dedupe(t: LabelTable, tagCount: number): LabelTable {
  const seen = new Set<number>();
  const u: number[] = [];
  const g: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < t.user.length; i++) {
    const key = t.user[i]! * tagCount + t.tag[i]!;
    if (seen.has(key)) continue;
    seen.add(key);
    u.push(t.user[i]!);
    g.push(t.tag[i]!);
    l.push(t.label[i]!);
  }
  return labelTable(u, g, l);
}

export function concatLabels(...ts: LabelTable[]): LabelTable {
  const n = ts.reduce((s, t) => s + t.user.length, 0);
  const user = new Int32Array(n);
  const tag = new Int32Array(n);
  const label = new Uint8Array(n);
  let o = 0;
  for (const t of ts) {
    user.set(t.user, o);
    tag.set(t.tag, o);
    label.set(t.label, o);
    o += t.user.length;
  }
  return { user, tag, label };
}
