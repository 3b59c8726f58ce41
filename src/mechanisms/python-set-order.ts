/**
 * The iteration order of a CPython set of small non-negative integers, for `--compat reference`:
 * the authors' generator labels "the first element" of `list(set(TM) & set(TU))` in ObsTag
 * (docs/test-sets.md#defects-of-the-authors-generator, item 2), so reproducing their construction means reproducing that order.
 *
 * Model (CPython 3.7–3.12 Objects/setobject.c, as documented there): an int hashes to itself; a
 * set starts with 8 slots; a key goes to slot hash & mask, else the next 9 slots when they fit
 * below the mask, else slot (5·i + 1 + perturb) & mask with perturb = hash shifted right by 5 at
 * each round; after an insertion that brings the fill to 3/5 of the mask the table is rebuilt with
 * the smallest power of two above 4 × used, re-inserting in slot order. `a & b` iterates over the
 * smaller set (the user's liked tags outnumber a movie's tags) and inserts its members found in
 * the other, in that order. Iteration is in slot order.
 */

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

function insert(table: Array<number | undefined>, key: number): void {
  const mask = table.length - 1;
  let perturb = key;
  let i = key & mask;
  for (;;) {
    if (table[i] === undefined) {
      table[i] = key;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === undefined) {
          table[i + j] = key;
          return;
        }
      }
    }
    perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/** The order in which `list(set(keys))` yields distinct non-negative integers inserted in this order. */
export function pythonSetOrder(keys: readonly number[]): number[] {
  let table: Array<number | undefined> = new Array(8).fill(undefined);
  let used = 0;
  for (const k of keys) {
    if (table.includes(k)) continue;
    insert(table, k);
    used++;
    const mask = table.length - 1;
    if (used * 5 >= mask * 3) {
      let size = 8;
      while (size <= used * 4) size *= 2;
      const old = table;
      table = new Array(size).fill(undefined);
      for (const x of old) if (x !== undefined) insert(table, x);
    }
  }
  return table.filter((x): x is number => x !== undefined);
}

/**
 * `list(set(movieTags) & set(likedTags))[0]`, given `list(set(movieTags))` (see pythonSetOrder) and
 * the liked ones among them. CPython iterates over the smaller operand; this assumes it is the
 * movie's tags (true whenever users like more tags than a movie has, as with the defaults 10..20
 * against 8).
 */
export function firstOfPythonIntersection(movieSetOrder: readonly number[], liked: (tag: number) => boolean): number | undefined {
  return pythonSetOrder(movieSetOrder.filter(liked))[0];
}
