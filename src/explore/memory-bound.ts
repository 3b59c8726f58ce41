/**
 * An upper bound on the memory the browser page's generation holds (src/explore/dataset-in-memory.ts),
 * known before it starts, so that a size the tab cannot hold is refused with a message instead of
 * crashing the tab. Every row a user can emit is bounded by the dimensions: a user rates each movie
 * at most once (train/rating.csv), the tag proxies emit per movie at most one row per tag of the
 * movie (TM gives each movie `tagsPerMovie` tags, src/mechanisms/movie-tags.ts) plus one "-1" row
 * (obstag and dropped together, and rcttag), and per-user tag files hold
 * each tag at most once (Test I, twice with test.csv; liked tags; τ). Tests II and III hold at
 * most their draws (twice, with test.csv). Each row is at most as wide as its widest ids and
 * values. The whole is held about three times at the peak: the streamed blocks, each file joined,
 * and the zip. The bound is the worst case — every pair observed — so real datasets are far
 * smaller (about 1.3 MB for `ctar generate`'s default 1,000 users × 1,000 movies).
 */
import type { SelectedCatalog } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";

/** Characters of the longest number JavaScript prints for a double ("-1.2345678901234567e-123"). */
const DOUBLE_WIDTH = 24;
/** Copies held at the peak: the blocks' bytes, the joined file, the zip. */
const COPIES = 3;
/** config.json, the card and croissant.json (the graph, the configuration, the checksums): well below this. */
const DOCUMENTS = 1 << 20;

/** What the bound reads of a configuration. */
export type Dimensions = Pick<CtarConfig, "users" | "movies" | "tagsPerMovie" | "test2" | "test3">;

const digits = (maxId: number): number => String(Math.max(0, maxId)).length;

/** Bytes of the dataset's files at most, for `config` on `catalog` (its selected movies). */
export function datasetBytesBound(config: Dimensions, catalog: Pick<SelectedCatalog, "movies" | "originalTagId">): number {
  const movies = catalog.movies;
  const tags = catalog.originalTagId.length;
  const movieTags = movies * config.tagsPerMovie;
  const du = digits(config.users - 1);
  const dm = digits(movies - 1);
  const dt = Math.max(2, digits(tags - 1));
  const perUser =
    movies * (du + dm + DOUBLE_WIDTH + 3) + // rating
    2 * (movieTags + movies) * (du + dm + dt + 3) + // obstag + dropped, rcttag
    tags * (2 * (du + dt + 4) + (du + dt + 2) + (du + dt + DOUBLE_WIDTH + 7)); // Test I twice, liked tags, τ
  const tests = 2 * (config.test2.draws + config.test3.draws) * (du + dt + 4);
  const movieFiles = movies * (dm + 3 * DOUBLE_WIDTH + 16) + movieTags * (dt + 1) + tags * (dt + 2 * 12 + 6);
  return config.users * perUser + tests + movieFiles + DOCUMENTS;
}

/** What the page writes besides the CSV tables of `truth: basic`. */
export interface Extras {
  readonly truth: "basic" | "full";
  readonly format: "csv" | "parquet";
}

/**
 * Memory the generation holds at most: the files about three times over; with `truth: full`
 * truth/full.csv three times (its chunks, their gzip — never larger than the chunk by more than a
 * few bytes a block — and the text the report reads), every (user, movie) pair a row; with Parquet
 * twice the tables again (the column buffers and the Parquet bytes, at most the CSV's size).
 */
export function generationBytesBound(config: Dimensions, catalog: Pick<SelectedCatalog, "movies" | "originalTagId">, extras: Extras = { truth: "basic", format: "csv" }): number {
  const files = datasetBytesBound(config, catalog);
  const row = digits(config.users - 1) + digits(catalog.movies - 1) + digits(config.tagsPerMovie) + 3 * DOUBLE_WIDTH + 6;
  const full = extras.truth === "full" ? 3 * config.users * catalog.movies * row : 0;
  return COPIES * files + full + (extras.format === "parquet" ? 2 * files : 0);
}

/**
 * What the page lets one generation hold: half the device's memory as the browser reports it
 * (navigator.deviceMemory, in GiB, which Chromium rounds and caps at 8; 4 when unknown), and at
 * most 4 GiB, the most a zip without ZIP64 holds.
 */
export function tabBudget(deviceMemoryGiB: number | undefined): number {
  const gib = typeof deviceMemoryGiB === "number" && deviceMemoryGiB > 0 ? deviceMemoryGiB : 4;
  return Math.min(4, gib / 2) * 2 ** 30;
}

/** A message refusing the size, or undefined when it fits. */
export function sizeRefusal(config: CtarConfig, catalog: SelectedCatalog, budget: number, extras?: Extras): string | undefined {
  const need = generationBytesBound(config, catalog, extras);
  if (need <= budget) return undefined;
  const mib = (b: number) => `${Math.ceil(b / 2 ** 20).toLocaleString("en-US")} MiB`;
  return `${config.users} users × ${config.movies} movies: up to ${mib(need)} in this tab, above its ${mib(budget)} (use fewer users or movies, or \`ctar generate\`, which streams to files)`;
}
