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

/** M: the catalog movies with their attributes; internal index = popularity rank. */
export type MovieTable = SelectedCatalog;

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

export function expectTagSetRow(v: unknown, node: string, parent: string): TagSetRow {
  if (typeof v === "object" && v !== null && (v as TagSetRow).mask instanceof Uint32Array && "tags" in v) return v as TagSetRow;
  throw new GraphError(`node '${node}': parent '${parent}' must be a tag set per movie, like TL (got ${describe(v)})`);
}

export function expectMovieTags(v: unknown, node: string, parent: string): TmValue {
  if (typeof v === "object" && v !== null && (v as TmValue).start instanceof Int32Array && (v as TmValue).tag instanceof Int32Array) {
    return v as TmValue;
  }
  throw new GraphError(`node '${node}': parent '${parent}' must be the movies' tags, like TM (got ${describe(v)})`);
}

export function expectIntList(v: unknown, node: string, parent: string): Int32Array {
  if (v instanceof Int32Array) return v;
  throw new GraphError(`node '${node}': parent '${parent}' must be a list of tags, like TU (got ${describe(v)})`);
}

export function expectMovieTable(v: unknown, node: string, parent: string): MovieTable {
  if (typeof v === "object" && v !== null && (v as MovieTable).avgRating instanceof Float64Array && "originalMovieId" in v) {
    return v as MovieTable;
  }
  throw new GraphError(`node '${node}': parent '${parent}' must be the catalog movies, like M (got ${describe(v)})`);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${(v as unknown as { length: number }).length})`;
  if (typeof v === "object") return `an object with ${Object.keys(v).join(", ")}`;
  return typeof v;
}
