/**
 * The built-in synthetic catalog: a base catalog made by ctar itself from a seed, so that the
 * generator runs with nothing downloaded (docs/catalog.md#the-built-in-synthetic-catalog). It is calibrated so that
 * `catalogStats` of the default catalog lands near the figures measured on the authors' base
 * data; the real data stays one flag away.
 *
 * The model, step by step (every random draw comes from its own `SeedTree` stream):
 * 1. Latent popularity of the movie of rank r (1-based): a power law with a stretched-exponential
 *    cut-off, P_r = A · r^(−a) · exp(−(r/r_c)^g), times a log-normal jitter exp(σ_P · z). Its
 *    log-log slope is ≈ −a at the top and steepens with rank (a "broken" power law).
 * 2. Tag counts: P_r is split over 8 slots with shares ∝ ρ^k · exp(σ_S · z_k) (sorted descending),
 *    rounded; counts below `minTagCount` are dropped (as in the authors' files, whose smallest
 *    tagCount is 21), which gives the least popular movies fewer than 8 tags. The largest count
 *    is kept at least `minTagCount` so that every movie has a tag. A movie's popularity is the
 *    sum of its kept counts.
 * 3. Movie ids are a random permutation of 0..movies−1; movies are stored in id order.
 * 4. Tags, over the slots of all movies in popularity order (ties by id, as `popularityOrder`):
 *    new tags enter along a Heaps' law, the vocabulary of the first n slots being
 *    min(n, tags · (n / S)^β) (S slots in all), so exactly `tags` distinct tags are used in all
 *    and about `tags · (8000 / S)^β` in the 1000 most popular movies. A movie's other slots
 *    reuse tags already introduced, drawn without replacement with power-law weights
 *    (i + 1 + offset)^(−γ) in order of introduction i (a Zipf–Mandelbrot law). New tags take
 *    random positions other than the first (as in the authors' files, where a tag used by a
 *    single top movie is rarely its first). Tag ids are then a random permutation of 0..tags−1.
 * 5. Average rating of the movie of rank r: N(μ_r, s_r²) clipped to [0.5, 5], with
 *    μ_r = μ∞ + d · exp(−r / r_μ) (popular movies are rated higher) and
 *    s_r = s_max − (s_max − s_0) · exp(−r / r_s) (averages over few raters spread more).
 *
 * The parameters below were fitted to the base data's figures (docs/catalog.md#figures-of-a-catalog
 * gives the measured figures of both catalogs).
 */
import { ConfigError } from "../errors/errors.js";
import type { Stream } from "../rng/stream.js";
import { SeedTree } from "../rng/stream.js";
import type { BaseCatalog } from "./base-catalog.js";

/** Options of `syntheticCatalog`; every field has a calibrated default. */
export interface SyntheticCatalogOptions {
  /** Root seed (default 2202, the paper's arXiv number). */
  readonly seed?: number;
  /** Number of movies (default 9,715). Ranks beyond the default continue the same curve. */
  readonly movies?: number;
  /** Number of distinct tags used (default 10,273; at most the number of tag slots). */
  readonly tags?: number;
  /** At most this many tags per movie (default 8, as the authors' files). */
  readonly tagsPerMovie?: number;
  /** Tag counts below this are dropped (default 21). */
  readonly minTagCount?: number;
  /** Popularity curve: scale A, top slope a, cut-off rank r_c and shape g, jitter σ_P. */
  readonly popularityScale?: number;
  readonly popularitySlope?: number;
  readonly popularityCutoff?: number;
  readonly popularityShape?: number;
  readonly popularityJitter?: number;
  /** Second, sharper cut-off of the popularity tail: exp(−(r / r_t)^h). */
  readonly popularityTailRank?: number;
  readonly popularityTailShape?: number;
  /** Shares of the tag slots: ratio ρ between successive slots, log-normal jitter σ_S. */
  readonly shareRatio?: number;
  readonly shareJitter?: number;
  /** Heaps' exponent β of the tag vocabulary, power-law exponent γ of tag reuse. */
  readonly heapsExponent?: number;
  readonly tagReuseExponent?: number;
  /** Offset of the reuse weights (i + 1 + offset)^(−γ) (a Zipf–Mandelbrot law; 0 = Zipf). */
  readonly tagReuseOffset?: number;
  /** Average ratings: μ∞, d, r_μ of the mean; s_0, s_max, r_s of the spread. */
  readonly ratingMean?: number;
  readonly ratingBoost?: number;
  readonly ratingBoostRank?: number;
  readonly ratingSdTop?: number;
  readonly ratingSdTail?: number;
  readonly ratingSdRank?: number;
}

export type SyntheticCatalogParams = Required<SyntheticCatalogOptions>;

export const SYNTHETIC_DEFAULTS: SyntheticCatalogParams = Object.freeze({
  seed: 2202,
  movies: 9715,
  tags: 10273,
  tagsPerMovie: 8,
  minTagCount: 21,
  popularityScale: 315000,
  popularitySlope: 0.26,
  popularityCutoff: 944,
  popularityShape: 0.64,
  popularityJitter: 0.1,
  popularityTailRank: 9200,
  popularityTailShape: 7.5,
  shareRatio: 0.77,
  shareJitter: 0.15,
  heapsExponent: 0.82,
  tagReuseExponent: 1.35,
  tagReuseOffset: 6,
  ratingMean: 3.8,
  ratingBoost: 0.2,
  ratingBoostRank: 250,
  ratingSdTop: 0.15,
  ratingSdTail: 0.95,
  ratingSdRank: 2500,
});

const RATING_MIN = 0.5;
const RATING_MAX = 5;

/** Checks and completes the options (ConfigError naming the option when one is invalid). */
export function resolveSyntheticOptions(options: SyntheticCatalogOptions = {}): SyntheticCatalogParams {
  const p: SyntheticCatalogParams = { ...SYNTHETIC_DEFAULTS, ...options };
  const where = "syntheticCatalog";
  const integer = (name: keyof SyntheticCatalogParams, min: number) => {
    const v = p[name];
    if (!Number.isSafeInteger(v) || v < min) {
      throw new ConfigError(`${where}: option '${name}' must be an integer ≥ ${min} (got ${v})`);
    }
  };
  const positive = (name: keyof SyntheticCatalogParams) => {
    const v = p[name];
    if (!(Number.isFinite(v) && v > 0)) throw new ConfigError(`${where}: option '${name}' must be a finite number > 0 (got ${v})`);
  };
  const nonNegative = (name: keyof SyntheticCatalogParams) => {
    const v = p[name];
    if (!(Number.isFinite(v) && v >= 0)) throw new ConfigError(`${where}: option '${name}' must be a finite number ≥ 0 (got ${v})`);
  };
  integer("seed", 0);
  integer("movies", 1);
  integer("tagsPerMovie", 1);
  integer("tags", p.tagsPerMovie);
  integer("minTagCount", 1);
  for (const k of ["popularityScale", "popularityCutoff", "popularityShape", "popularityTailRank", "popularityTailShape"] as const) {
    positive(k);
  }
  for (const k of ["shareRatio", "heapsExponent"] as const) positive(k);
  for (const k of ["popularitySlope", "popularityJitter", "shareJitter", "tagReuseExponent", "tagReuseOffset", "ratingBoost", "ratingSdTop", "ratingSdTail"] as const) nonNegative(k);
  for (const k of ["ratingBoostRank", "ratingSdRank"] as const) positive(k);
  if (!Number.isFinite(p.ratingMean)) throw new ConfigError(`${where}: option 'ratingMean' must be finite (got ${p.ratingMean})`);
  if (p.heapsExponent > 1) throw new ConfigError(`${where}: option 'heapsExponent' must be in (0, 1] (got ${p.heapsExponent})`);
  return p;
}

/**
 * A synthetic base catalog from a seed: deterministic (same options → identical arrays), built
 * in a few milliseconds. `source` is `builtin:seed=<seed>`, followed by every option that differs
 * from the default.
 *
 * @example syntheticCatalog().movieId.length === 9715
 */
export function syntheticCatalog(options: SyntheticCatalogOptions = {}): BaseCatalog {
  const p = resolveSyntheticOptions(options);
  const tree = new SeedTree(p.seed);
  const n = p.movies;
  const slotsMax = p.tagsPerMovie;

  // 1–2. Tag counts of the movie of each latent rank, then its kept tags.
  const popRng = tree.stream("synthetic-catalog", "popularity");
  const shareRng = tree.stream("synthetic-catalog", "shares");
  const counts = new Float64Array(n * slotsMax); // kept counts, descending, per latent rank
  const kept = new Int32Array(n);
  const popularity = new Float64Array(n);
  const w = new Float64Array(slotsMax);
  const profile = Float64Array.from({ length: slotsMax }, (_, k) => p.shareRatio ** k);
  for (let r = 0; r < n; r++) {
    const rank = r + 1;
    const latent =
      p.popularityScale *
      rank ** -p.popularitySlope *
      Math.exp(
        -((rank / p.popularityCutoff) ** p.popularityShape) -
          (rank / p.popularityTailRank) ** p.popularityTailShape +
          p.popularityJitter * popRng.normal(),
      );
    let sum = 0;
    for (let k = 0; k < slotsMax; k++) {
      w[k] = profile[k]! * Math.exp(p.shareJitter * shareRng.normal());
      sum += w[k]!;
    }
    sortDescending(w);
    let m = 0;
    let total = 0;
    for (let k = 0; k < slotsMax; k++) {
      let c = Math.round((latent * w[k]!) / sum);
      if (k === 0) c = Math.max(c, p.minTagCount);
      if (c < p.minTagCount) break; // the rest are smaller still
      counts[r * slotsMax + k] = c;
      total += c;
      m++;
    }
    kept[r] = m;
    popularity[r] = total;
  }

  // 3. Movie ids, then the popularity order of `popularityOrder` (count desc, id asc).
  const movieOfRank = permutation(tree.stream("synthetic-catalog", "movie-id"), n); // latent rank → id
  const byId = new Int32Array(n); // id → latent rank
  for (let r = 0; r < n; r++) byId[movieOfRank[r]!] = r;
  const order = new Int32Array(n); // latent ranks in popularity order
  for (let r = 0; r < n; r++) order[r] = r;
  order.sort((x, y) => popularity[y]! - popularity[x]! || movieOfRank[x]! - movieOfRank[y]!);

  // 4. Tags along the popularity order (tags in order of introduction, relabelled at the end).
  let slots = 0;
  for (let r = 0; r < n; r++) slots += kept[r]!;
  const tagOfSlot = assignTags(tree.stream("synthetic-catalog", "tags"), p, order, kept, slotsMax, slots);
  const tagLabel = permutation(tree.stream("synthetic-catalog", "tag-id"), p.tags);

  // 5. Average ratings by popularity rank.
  const ratingRng = tree.stream("synthetic-catalog", "rating");
  const ratingOfRank = new Float64Array(n); // indexed by latent rank
  for (let j = 0; j < n; j++) {
    const mean = p.ratingMean + p.ratingBoost * Math.exp(-j / p.ratingBoostRank);
    const sd = p.ratingSdTail - (p.ratingSdTail - p.ratingSdTop) * Math.exp(-j / p.ratingSdRank);
    const x = mean + sd * ratingRng.normal();
    ratingOfRank[order[j]!] = Math.min(RATING_MAX, Math.max(RATING_MIN, x));
  }

  // Assemble in id order; each movie's tags by count descending, ties by tag id (as the loader).
  const movieId = new Int32Array(n);
  const avgRating = new Float64Array(n);
  const tagStart = new Int32Array(n + 1);
  const tagId = new Int32Array(slots);
  const tagCount = new Float64Array(slots);
  const slotStart = new Int32Array(n); // first slot of each latent rank in tagOfSlot
  for (let j = 0, s = 0; j < n; j++) {
    slotStart[order[j]!] = s;
    s += kept[order[j]!]!;
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = byId[i]!;
    movieId[i] = i;
    avgRating[i] = ratingOfRank[r]!;
    tagStart[i] = at;
    const m = kept[r]!;
    for (let k = 0; k < m; k++) {
      tagId[at + k] = tagLabel[tagOfSlot[slotStart[r]! + k]!]!;
      tagCount[at + k] = counts[r * slotsMax + k]!;
    }
    sortTies(tagId, tagCount, at, at + m);
    at += m;
  }
  tagStart[n] = at;
  return { source: sourceString(p), movieId, avgRating, tagStart, tagId, tagCount };
}

/**
 * Tags (in order of introduction, 0..tags−1) of every slot, slots laid out movie by movie in
 * popularity order, each movie's slots in its count order.
 */
function assignTags(
  rng: Stream,
  p: SyntheticCatalogParams,
  order: Int32Array,
  kept: Int32Array,
  slotsMax: number,
  slots: number,
): Int32Array {
  const cumulative = new Float64Array(p.tags);
  for (let t = 0, acc = 0; t < p.tags; t++) {
    acc += (t + 1 + p.tagReuseOffset) ** -p.tagReuseExponent;
    cumulative[t] = acc;
  }
  const vocabulary = (s: number) => Math.min(s, Math.floor(p.tags * (s / slots) ** p.heapsExponent));
  const out = new Int32Array(slots);
  const chosen = new Int32Array(slotsMax);
  const isNew = new Uint8Array(slotsMax);
  let introduced = 0;
  let s = 0;
  for (let j = 0; j < order.length; j++) {
    const m = kept[order[j]!]!;
    const fresh = Math.min(p.tags - introduced, Math.max(vocabulary(s + m) - introduced, m - introduced, 0));
    const reuseFrom = introduced; // tags of earlier movies only
    const reused = m - fresh;
    // Positions of the new tags: distinct, uniform among 1..m−1 (the first, largest count goes
    // to a reused tag), or every position when the movie has only new tags.
    isNew.fill(0);
    if (reused === 0) isNew.fill(1, 0, m);
    else for (let k = 0; k < fresh; k++) {
      let at: number;
      do at = 1 + rng.int(m - 1);
      while (isNew[at] === 1);
      isNew[at] = 1;
    }
    let drawn = 0;
    for (let k = 0; k < m; k++) {
      if (isNew[k] === 1) {
        out[s + k] = introduced++;
        continue;
      }
      let t = drawPrefix(rng, cumulative, reuseFrom);
      for (let tries = 1; indexOf(chosen, drawn, t) >= 0; tries++) {
        // Rejection of repeats; a weight too small to register in the cumulative sum (an extreme
        // exponent) could make it endless, so fall back to the heaviest tag not yet chosen.
        if (tries < 1000) t = drawPrefix(rng, cumulative, reuseFrom);
        else for (t = 0; indexOf(chosen, drawn, t) >= 0; t++);
      }
      chosen[drawn++] = t;
      out[s + k] = t;
    }
    s += m;
  }
  return out;
}

/** Position of `x` among the first `n` entries of `a`, or −1. */
function indexOf(a: Int32Array, n: number, x: number): number {
  for (let i = 0; i < n; i++) if (a[i] === x) return i;
  return -1;
}

/** One index in [0, size) with probability ∝ its weight (cumulative sums, binary search). */
function drawPrefix(rng: Stream, cumulative: Float64Array, size: number): number {
  const x = rng.uniform() * cumulative[size - 1]!;
  let lo = 0;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
function permutation(rng: Stream, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** Insertion sort, descending (for the 8 shares of a movie). */
function sortDescending(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! < x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Insertion sort of one movie's (count desc, tag id asc) pairs in [from, to). */
function sortTies(ids: Int32Array, cnt: Float64Array, from: number, to: number): void {
  for (let a = from + 1; a < to; a++) {
    const id = ids[a]!;
    const c = cnt[a]!;
    let b = a - 1;
    while (b >= from && (cnt[b]! < c || (cnt[b] === c && ids[b]! > id))) {
      ids[b + 1] = ids[b]!;
      cnt[b + 1] = cnt[b]!;
      b--;
    }
    ids[b + 1] = id;
    cnt[b + 1] = c;
  }
}

function sourceString(p: SyntheticCatalogParams): string {
  const extra = (Object.keys(SYNTHETIC_DEFAULTS) as Array<keyof SyntheticCatalogParams>)
    .filter((k) => k !== "seed" && p[k] !== SYNTHETIC_DEFAULTS[k])
    .map((k) => `,${k}=${p[k]}`)
    .join("");
  return `builtin:seed=${p.seed}${extra}`;
}
