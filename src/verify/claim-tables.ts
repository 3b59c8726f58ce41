/**
 * Pass 1 of `ctar verify` (verify-world.ts): one contingency table per claim, accumulated user by
 * user (strata × categories × {I = 0, 1}; never a users × movies table). A variable's value is
 * summarised per movie as a category: a tag set by its size (capped at MAX_TL), a numeric row by
 * its rounded value (clipped to [LO, HI]).
 */
import { popcount } from "../mechanisms/values.js";
import type { Claim } from "./claims.js";

/** A per-movie categorical summary of one user's value of a node. */
export interface Summary {
  readonly label: string;
  readonly categories: number;
  fill(value: unknown, out: Int32Array): void;
}

const LO = -16;
const HI = 16;
const MAX_TL = 4;

/** The summary of a node's value type, or undefined when the value type is not supported. */
function summaryOf(name: string, v: unknown, movies: number): Summary | undefined {
  if (typeof v === "object" && v !== null && (v as { mask?: unknown }).mask instanceof Uint32Array) {
    return {
      label: `|${name}|`,
      categories: MAX_TL + 1,
      fill: (x, out) => {
        const mask = (x as { mask: Uint32Array }).mask;
        for (let m = 0; m < movies; m++) out[m] = Math.min(MAX_TL, popcount(mask[m]!));
      },
    };
  }
  if ((v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array) && v.length === movies) {
    return {
      label: name,
      categories: HI - LO + 1,
      fill: (x, out) => {
        const row = x as Float64Array;
        for (let m = 0; m < movies; m++) {
          const r = Math.round(row[m]!);
          out[m] = (r < LO ? LO : r > HI ? HI : r) - LO;
        }
      },
    };
  }
  return undefined;
}

/** The 0/1 row of an indicator value (a Uint8Array, or an observation row like R_O's), or undefined. */
export function indicatorRow(v: unknown, movies: number): Uint8Array | undefined {
  if (v instanceof Uint8Array && v.length === movies) return v;
  const o = (v as { observed?: unknown } | null)?.observed;
  if (o instanceof Uint8Array && o.length === movies) return o;
  return undefined;
}

/** One claim's table: cell (stratum h, column j) at h · columns + j. */
export interface ClaimTable {
  readonly claim: Claim;
  strata: number;
  columns: number;
  ones: Float64Array;
  total: Float64Array;
  /** Why the claim cannot be tested (set by the first user's values). */
  skip?: string;
}

/** The tables of every claim, sized from the first user's value types, then filled user by user. */
export class ClaimTables {
  readonly tables: ClaimTable[];
  readonly summaries = new Map<string, Summary | undefined>();
  /** The current user's category per movie, per summarised variable. */
  readonly cats = new Map<string, Int32Array>();
  private readonly variables: string[];
  private readonly indicators: string[];
  private readonly movieColumn: Int32Array;
  private ready = false;

  constructor(
    claims: readonly Claim[],
    private readonly movies: number,
  ) {
    this.tables = claims.map((claim) => ({ claim, strata: 0, columns: 0, ones: new Float64Array(0), total: new Float64Array(0) }));
    this.variables = [...new Set(claims.filter((c) => c.variable !== "movie").map((c) => c.variable))];
    this.indicators = [...new Set(claims.map((c) => c.indicator))];
    this.movieColumn = Int32Array.from({ length: movies }, (_, m) => m);
  }

  /** Sizes the tables from the first user's value types (they are the same for every user). */
  private prepare(values: ReadonlyMap<string, unknown>): void {
    const movies = this.movies;
    for (const x of this.variables) {
      const s = summaryOf(x, values.get(x), movies);
      this.summaries.set(x, s);
      if (s !== undefined) this.cats.set(x, new Int32Array(movies));
    }
    for (const t of this.tables) {
      const c = t.claim;
      if (indicatorRow(values.get(c.indicator), movies) === undefined) {
        t.skip = `the value of ${c.indicator} is not a 0/1 row over the movies`;
        continue;
      }
      const s = c.variable === "movie" ? undefined : this.summaries.get(c.variable);
      if (c.variable !== "movie" && s === undefined) {
        t.skip = `the value of ${c.variable} is not a numeric row or a tag set over the movies`;
        continue;
      }
      t.strata = c.givenMovie ? movies : 1;
      t.columns = c.variable === "movie" ? movies : s!.categories;
      t.ones = new Float64Array(t.strata * t.columns);
      t.total = new Float64Array(t.strata * t.columns);
    }
    this.ready = true;
  }

  /** Fills `cats` with one user's categories. */
  summarise(values: ReadonlyMap<string, unknown>): void {
    for (const x of this.variables) {
      const s = this.summaries.get(x);
      if (s !== undefined) s.fill(values.get(x), this.cats.get(x)!);
    }
  }

  /** Adds one user to every testable table. */
  add(values: ReadonlyMap<string, unknown>): void {
    if (!this.ready) this.prepare(values);
    this.summarise(values);
    const movies = this.movies;
    const rows = new Map<string, Uint8Array | undefined>(this.indicators.map((i) => [i, indicatorRow(values.get(i), movies)]));
    for (const t of this.tables) {
      if (t.skip !== undefined) continue;
      const ind = rows.get(t.claim.indicator)!;
      const col = t.claim.variable === "movie" ? this.movieColumn : this.cats.get(t.claim.variable)!;
      const stride = t.claim.givenMovie ? t.columns : 0;
      const { ones, total } = t;
      for (let m = 0; m < movies; m++) {
        const k = m * stride + col[m]!;
        total[k]!++;
        ones[k]! += ind[m]!;
      }
    }
  }
}
