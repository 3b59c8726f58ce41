/**
 * R_O (paper Eq. 7, docs/model.md#r_o-observational-tag-missingness): which (user, movie) pairs get observational tags, and
 * which of the pair's liked tags are labelled.
 *  1. Pair: s_{u,m} = sigmoid((score_m + α R_{u,m}) / T + b), α = |M|/5 and b = −|M|/T by default;
 *     P(R_O = 1) = P_O · s_{u,m} / mean_m s_{u,·}, normalised per user, clipped at 1 and reported.
 *  2. Tags (the TL → R_O edge): one tag of TL is always labelled, chosen at random (docs/test-sets.md#defects-of-the-authors-generator, item 2;
 *     `compat: reference` takes the first element of the authors' Python set of liked tags, see
 *     python-set-order.ts);
 *     each other tag of TL is labelled independently with probability `keepRate`.
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { thinnedBernoulli } from "../rng/sample.js";
import { defineMechanism } from "./mechanism.js";
import { sigmoid } from "./popularity-missingness.js";
import { firstOfPythonIntersection, pythonSetOrder } from "./python-set-order.js";
import { type TagSetRow, type TmValue, expectFloatRow, expectTagSetRow, popcount } from "./values.js";

/** Ratings that are small integers use a per-movie table of s instead of one exp per pair. */
const TABLE_LO = -16;
const TABLE_HI = 16;

/** R_O's parameters (`rate` is P_O, in (0, 1] for the reason given at popularityMissingnessParams). */
export const selectionMissingnessParams = z
  .object({
    rate: z.number().gt(0).max(1).default(0.007),
    temperature: z.number().gt(0).default(200),
    alpha: z.number().nullable().default(null).meta({ derivedDefault: "|M|/5" }),
    bias: z.number().nullable().default(null).meta({ derivedDefault: "−|M|/T" }),
    keepRate: z.number().min(0).max(1).default(0.6),
  })
  .strict();

export const selectionMissingness = defineMechanism({
  kind: "selection-missingness",
  family: "missingness",
  mainParameter: "rate",
  value: "tag-observation-row",
  description: "P(observed) = rate · s_um / mean_m(s_u·), s_um = sigmoid((score_m + α R_um)/T + b); tags of TL labelled: one at random, others with keepRate (Eq. 7)",
  plates: ["user-movie"],
  params: selectionMissingnessParams,
  setup: (ctx) => {
    const name = ctx.node.name;
    if (ctx.node.parents.length !== 3) {
      throw new GraphError(`node '${name}': selection-missingness needs three parents: the exposure score, the rating and the tag overlap (got ${ctx.node.parents.join(", ") || "none"})`);
    }
    const [scoreName, rName, tlName] = ctx.node.parents as [string, string, string];
    const movies = ctx.dims.movies;
    const score = expectFloatRow(ctx.parents.get(scoreName), name, scoreName, movies);
    const { rate, temperature: T, keepRate } = ctx.params;
    const alpha = ctx.params.alpha ?? movies / 5;
    const b = ctx.params.bias ?? -movies / T;
    const width = TABLE_HI - TABLE_LO + 1;
    // (A table handed over from an identical setup, the main thread's, is taken as it is.)
    const handed = ctx.prebuilt?.selection;
    const table = handed !== undefined && handed.length === movies * width ? handed : new Float64Array(movies * width);
    for (let m = 0; m < movies && table !== handed; m++) {
      for (let r = TABLE_LO; r <= TABLE_HI; r++) table[m * width + r - TABLE_LO] = sigmoid((score[m]! + alpha * r) / T + b);
    }
    const s = new Float64Array(movies);
    const observed = new Uint8Array(movies);
    const labelled = new Uint32Array(movies);
    const row = new ObservationRow(observed, labelled, s);
    const keep32 = keepRate * 4294967296;
    const reference = ctx.compat === "reference";
    // Reference mode: each movie's `list(set(TM))` order, in original tag ids, computed once (TM
    // reaches this node inside TL's value, so on the first user).
    let tmSetOrder: number[][] | undefined;
    const tally = { clippedPairs: 0, clippedUsers: 0 };
    return {
      tally,
      tables: { selection: table },
      forUser: ({ parents, rng }) => {
        const r = expectFloatRow(parents.get(rName), name, rName, movies);
        const tlRow = expectTagSetRow(parents.get(tlName), name, tlName);
        const tl = tlRow.mask;
        let sum = 0;
        let sMax = 0;
        for (let m = 0; m < movies; m++) {
          const x = r[m]!;
          const v = (x | 0) === x && x >= TABLE_LO && x <= TABLE_HI ? table[m * width + x - TABLE_LO]! : sigmoid((score[m]! + alpha * x) / T + b);
          s[m] = v;
          sum += v;
          if (v > sMax) sMax = v;
        }
        const c = sum > 0 ? (rate * movies) / sum : 0;
        row.scale = c;
        if (c * sMax > 1) {
          let clipped = 0;
          for (let m = 0; m < movies; m++) if (c * s[m]! > 1) clipped++;
          tally.clippedPairs += clipped;
          tally.clippedUsers++;
        }
        observed.fill(0);
        thinnedBernoulli(rng, s, c, sMax, (m) => {
          observed[m] = 1;
          let lab = 0;
          const mask = tl[m]!;
          if (mask !== 0) {
            const n = popcount(mask);
            if (reference) tmSetOrder ??= movieSetOrders(tlRow.tags);
            const always = reference ? pythonFirst(mask, m, tlRow, tmSetOrder![m]!) : nthBit(mask, rng.int(n));
            lab = always;
            for (let rest = mask & ~always; rest !== 0; rest &= rest - 1) {
              const bit = rest & -rest;
              if (rng.nextUint32() < keep32) lab |= bit;
            }
          }
          labelled[m] = lab;
        });
        return row;
      },
      summary: (total) =>
        (total["clippedPairs"] ?? 0) > 0
          ? `node '${name}': rate ${rate} pushes P(observed) above 1 for ${total["clippedPairs"]} pairs of ${total["clippedUsers"]} users; clipped to 1`
          : undefined,
    };
  },
});

/** The n-th set bit (0-based) of x, as a one-bit mask. */
function nthBit(x: number, n: number): number {
  let rest = x;
  for (let i = 0; i < n; i++) rest &= rest - 1;
  return rest & -rest;
}

function movieSetOrders(tm: TmValue): number[][] {
  const out: number[][] = [];
  for (let m = 0; m + 1 < tm.start.length; m++) {
    const ids: number[] = [];
    for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) ids.push(tm.originalTagId[tm.tag[k]!]!);
    out.push(pythonSetOrder(ids));
  }
  return out;
}

/** The TL bit of `list(set(TM_m) & set(TU))[0]` in the authors' generator. */
function pythonFirst(mask: number, m: number, tl: TagSetRow, setOrder: readonly number[]): number {
  const start = tl.tags.start[m]!;
  const slotOf = new Map<number, number>();
  for (let rest = mask; rest !== 0; rest &= rest - 1) {
    const slot = 31 - Math.clz32(rest & -rest);
    slotOf.set(tl.tags.originalTagId[tl.tags.tag[start + slot]!]!, slot);
  }
  const first = firstOfPythonIntersection(setOrder, (id) => slotOf.has(id))!;
  return (1 << slotOf.get(first)!) >>> 0;
}

/**
 * R_O's value for one user: the observed pairs, their labelled tags, and P(R_O = 1) of every
 * pair, min(1, scale · s_m), computed only when read (the full truth; generation never needs it).
 */
class ObservationRow {
  scale = 0;
  private readonly p: Float64Array;
  constructor(
    readonly observed: Uint8Array,
    readonly labelled: Uint32Array,
    private readonly s: Float64Array,
  ) {
    this.p = new Float64Array(s.length);
  }
  get probability(): Float64Array {
    for (let m = 0; m < this.s.length; m++) {
      const x = this.scale * this.s[m]!;
      this.p[m] = x >= 1 ? 1 : x;
    }
    return this.p;
  }
}
