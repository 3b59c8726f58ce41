/**
 * Value shapes the CTAR mechanisms exchange. Movie-plate values are arrays over movies; user-movie
 * values are rows over the movies of one user; sets of tags are bitmasks over a movie's tag slots.
 */
import { GraphError } from "../errors/errors.js";
import type { MovieTags } from "../catalog/movie-tags.js";
import type { SelectedCatalog } from "../catalog/select-movies.js";

export type { MovieTags };

/** TM's value: each movie's tags (internal tag ids, catalog/movie-tags.ts); at most 31 per movie. */
export interface TmValue extends MovieTags {
  /** Internal tag id → original tag id (for the authors' compatible ordering). */
  readonly originalTagId: Int32Array;
}

/** The most tags a movie may have: a liked-tag set is a 31-bit mask over the movie's tag slots. */
export const MAX_TAGS_PER_MOVIE = 31;

/** TL (and any tag subset of TM): bit k of mask[m] set ⇔ slot k of movie m's tags is in the set. */
export interface TagSetRow {
  readonly mask: Uint32Array;
  readonly tags: TmValue;
  /** |set| of each movie (popcount of mask), when the producer keeps it. */
  readonly count?: Uint8Array;
}

/** R_O: which pairs are observed, and which of the pair's liked tags get labelled. */
export interface TagObservationRow {
  readonly observed: Uint8Array;
  /** Labelled subset of the TL mask, for observed pairs. */
  readonly labelled: Uint32Array;
  /** P(R_O = 1) of each pair, exact (after normalisation and clipping): ground truth. */
  readonly probability?: Float64Array;
}

/** A treatment per (user, movie) of one user, with the exact probability each pair was treated (Rec). */
export interface TreatmentRow {
  readonly treated: Uint8Array;
  /** P(treated = 1) of each pair, exact (after clipping): the oracle propensity. */
  readonly propensity: Float64Array;
}

/** A binary outcome per (user, movie) of one user, with both potential-outcome arms' exact probabilities (Y). */
export interface OutcomeRow {
  readonly outcome: Uint8Array;
  /** P(Y = 1 | do(treatment = 0)) of each pair. */
  readonly control: Float64Array;
  /** P(Y = 1 | do(treatment = 1)) of each pair. */
  readonly treated: Float64Array;
}

/** A logged ranked list (a click world's List, mechanisms/logging-ranker.ts): one user's list of L movies. */
export interface LoggedList {
  /** Each movie's 1-based position in the list, 0 when not shown (over the movies). */
  readonly position: Float64Array;
  /** The movies shown, by position (order[k − 1] is at position k). */
  readonly order: Int32Array;
  /** The position k swapped with position 1 (result randomisation), 0 when the list was not swapped. */
  readonly swap: number;
}

/** M: the catalog movies with their attributes; internal index = popularity rank. */
export type MovieTable = SelectedCatalog;

/**
 * The value each shape tag stands for. A mechanism declares its tag (`Mechanism.value`); the
 * engine keeps the tag of every node, fixed at setup, so a node's value is this union discriminated
 * by its node's tag, not by a field on every value (no per-user wrapper in the hot loop).
 */
export interface ShapeValues {
  /** U: the user's index. */
  readonly "user-index": number;
  /** A number per user (e.g. a user's activity). */
  readonly "user-number": number;
  /** M. */
  readonly "movie-table": MovieTable;
  /** TM. */
  readonly "movie-tags": MovieTags;
  /** A number per movie (Q, RecSys). */
  readonly "movie-numbers": Float64Array;
  /** TU: a list of internal tag ids. */
  readonly "tag-list": Int32Array;
  /** TL. */
  readonly "tag-set-row": TagSetRow;
  /** A number per (user, movie) of one user (R). */
  readonly "number-row": Float64Array;
  /** A missingness indicator per (user, movie) of one user: 0 or 1 (R_R, R_RCT). */
  readonly "indicator-row": Uint8Array;
  /** R_O. */
  readonly "tag-observation-row": TagObservationRow;
  /** Rec: a treatment and its propensity per pair. */
  readonly "treatment-row": TreatmentRow;
  /** Y: an outcome and its two arms per pair. */
  readonly "outcome-row": OutcomeRow;
  /** A click world's logged list. */
  readonly "ranked-list": LoggedList;
  /** Proxies: they emit rows and have no value. */
  readonly none: undefined;
  /** A user mechanism that declares no shape: checked generically (typed rows over the movies). */
  readonly any: object | number | boolean | string | undefined;
}

export type ValueShape = keyof ShapeValues;
export const VALUE_SHAPES: readonly ValueShape[] = [
  "user-index",
  "user-number",
  "movie-table",
  "movie-tags",
  "movie-numbers",
  "tag-list",
  "tag-set-row",
  "number-row",
  "indicator-row",
  "tag-observation-row",
  "treatment-row",
  "outcome-row",
  "ranked-list",
  "none",
  "any",
];

/** A node's value: one of the shapes above. */
export type NodeValue = ShapeValues[ValueShape];

/**
 * Why `v` is not of `shape` (undefined when it is), in O(1): the type and the row length only.
 * The entries against the node's domain are `domainProblem`'s, which costs a pass over the row.
 */
export function shapeProblem(shape: ValueShape, v: unknown, movies: number): string | undefined {
  const row = (T: new (n: number) => ArrayBufferView, what: string): string | undefined =>
    v instanceof T && (v as unknown as ArrayLike<number>).length === movies ? undefined : `expected ${what} over ${movies} movies, got ${describe(v)}`;
  switch (shape) {
    case "user-index":
    case "user-number":
      return typeof v === "number" && Number.isFinite(v) ? undefined : `expected a finite number, got ${describe(v)}`;
    case "movie-table":
      return isMovieTable(v) ? undefined : `expected the catalog movies, like M, got ${describe(v)}`;
    case "movie-tags":
      return isMovieTags(v) ? undefined : `expected the movies' tags, like TM, got ${describe(v)}`;
    case "movie-numbers":
    case "number-row":
      return row(Float64Array, "a Float64Array");
    case "indicator-row":
      return row(Uint8Array, "a Uint8Array indicator row");
    case "tag-list":
      return v instanceof Int32Array ? undefined : `expected an Int32Array of tag ids, got ${describe(v)}`;
    case "tag-set-row":
      return isTagSetRow(v) && v.mask.length === movies ? undefined : `expected a tag set per movie, like TL, got ${describe(v)}`;
    case "tag-observation-row": {
      const o = v as TagObservationRow;
      const ok = typeof v === "object" && v !== null && o.observed instanceof Uint8Array && o.labelled instanceof Uint32Array && o.observed.length === movies;
      return ok ? undefined : `expected an observation row for tags, like R_O, got ${describe(v)}`;
    }
    case "treatment-row": {
      const t = v as TreatmentRow;
      const ok = typeof v === "object" && v !== null && t.treated instanceof Uint8Array && t.propensity instanceof Float64Array && t.treated.length === movies && t.propensity.length === movies;
      return ok ? undefined : `expected a treatment row with its propensities, like Rec, got ${describe(v)}`;
    }
    case "outcome-row": {
      const o = v as OutcomeRow;
      const ok = typeof v === "object" && v !== null && o.outcome instanceof Uint8Array && o.control instanceof Float64Array && o.treated instanceof Float64Array && o.outcome.length === movies;
      return ok ? undefined : `expected an outcome row with both arms, like Y, got ${describe(v)}`;
    }
    case "ranked-list": {
      const l = v as LoggedList;
      const ok = typeof v === "object" && v !== null && l.position instanceof Float64Array && l.position.length === movies && l.order instanceof Int32Array && typeof l.swap === "number";
      return ok ? undefined : `expected a logged list, like List, got ${describe(v)}`;
    }
    case "none":
      return v === undefined ? undefined : `expected no value, got ${describe(v)}`;
    case "any":
      if (typeof v === "number") return Number.isFinite(v) ? undefined : `returned ${v}, not a finite number`;
      if (ArrayBuffer.isView(v) && !(v instanceof DataView) && (v as unknown as ArrayLike<number>).length !== movies) {
        return `returned a row of ${(v as unknown as ArrayLike<number>).length} values (expected one per movie: ${movies})`;
      }
      return undefined;
  }
}

/**
 * The values a node's entries may take (its domain): numbers in [min, max], whole when `integer`,
 * never NaN or ±Infinity. `what` says it in a message.
 */
export interface Domain {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly what: string;
}

export const FINITE: Domain = { min: -Infinity, max: Infinity, integer: false, what: "a finite number" };
/** A missingness indicator (a node of set R). */
export const INDICATOR: Domain = { min: 0, max: 1, integer: true, what: "a missingness indicator, 0 or 1" };

/**
 * The domain of a node: a missingness indicator for set R, the dataset's rating scale for the
 * node playing the rating role (mechanisms/rating-scale.ts), finite numbers otherwise.
 */
export function nodeDomain(set: string, isRating: boolean, ratingScale: Domain): Domain {
  if (set === "R") return INDICATOR;
  return isRating ? ratingScale : FINITE;
}

/**
 * The first entry of `v` outside `d` (undefined when none): one pass over a numeric row (a
 * min/max/finite/whole test per entry, no allocation), a number, or the indicator row of a
 * tag-observation row; other values (tag sets, movie tables) have no numeric entries to check.
 */
export function domainProblem(v: unknown, d: Domain): string | undefined {
  if (typeof v === "number") return outside(v, d) ? `returned ${v} (expected ${d.what})` : undefined;
  const rowOf = (x: unknown): ArrayLike<number> | undefined => (ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array) ? (x as unknown as ArrayLike<number>) : undefined);
  const observed = typeof v === "object" && v !== null && !ArrayBuffer.isView(v) ? rowOf((v as Partial<TagObservationRow>).observed) : undefined;
  const row = rowOf(v) ?? observed;
  if (row === undefined) return undefined;
  const dom = observed !== undefined ? INDICATOR : d;
  const { min, max, integer } = dom;
  for (let m = 0; m < row.length; m++) {
    const x = row[m]!;
    // NaN fails both comparisons; x − x is NaN for ±Infinity
    if (x >= min && x <= max && x - x === 0 && (!integer || Math.floor(x) === x)) continue;
    return `returned ${x} for movie ${m} (expected ${dom.what})`;
  }
  return undefined;
}

function outside(x: number, d: Domain): boolean {
  return !(x >= d.min && x <= d.max && x - x === 0 && (!d.integer || Math.floor(x) === x));
}

function isMovieTable(v: unknown): v is MovieTable {
  return typeof v === "object" && v !== null && (v as MovieTable).avgRating instanceof Float64Array && "originalMovieId" in v;
}

function isMovieTags(v: unknown): v is MovieTags {
  return typeof v === "object" && v !== null && (v as MovieTags).start instanceof Int32Array && (v as MovieTags).tag instanceof Int32Array;
}

function isTagSetRow(v: unknown): v is TagSetRow {
  return typeof v === "object" && v !== null && (v as TagSetRow).mask instanceof Uint32Array && "tags" in v;
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Checks a parent value's shape, so that a graph wiring the wrong parent fails with a message. */
export function expectFloatRow(v: unknown, node: string, parent: string, length: number): Float64Array {
  if (v instanceof Float64Array && v.length === length) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be a numeric value over ${length} movies (got ${describe(v)})`);
}

export function expectIndicatorRow(v: unknown, node: string, parent: string, length: number): Uint8Array {
  if (v instanceof Uint8Array && v.length === length) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be a missingness indicator row over ${length} movies (got ${describe(v)})`);
}

export function expectTreatmentRow(v: unknown, node: string, parent: string, length: number): TreatmentRow {
  if (shapeProblem("treatment-row", v, length) === undefined) return v as TreatmentRow;
  throw new GraphError(`node '${node}': parent '${parent}' must be a treatment per movie with its propensities, like Rec (got ${describe(v)})`);
}

export function expectTagSetRow(v: unknown, node: string, parent: string): TagSetRow {
  if (isTagSetRow(v)) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be a tag set per movie, like TL (got ${describe(v)})`);
}

export function expectMovieTags(v: unknown, node: string, parent: string): TmValue {
  if (isMovieTags(v)) return v as TmValue;
  throw new GraphError(`node '${node}': parent '${parent}' must be the movies' tags, like TM (got ${describe(v)})`);
}

export function expectIntList(v: unknown, node: string, parent: string): Int32Array {
  if (v instanceof Int32Array) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be a list of tags, like TU (got ${describe(v)})`);
}

export function expectMovieTable(v: unknown, node: string, parent: string): MovieTable {
  if (isMovieTable(v)) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be the catalog movies, like M (got ${describe(v)})`);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${(v as unknown as { length: number }).length})`;
  if (typeof v === "object") return `an object with ${Object.keys(v).join(", ")}`;
  return typeof v;
}
