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
import { portableExp } from "../rng/portable-exp.js";
import type { Stream } from "../rng/stream.js";
import { SeedTree } from "../rng/stream.js";
import type { BaseCatalog } from "./base-catalog.js";
import { type SyntheticCatalogOptions, type SyntheticCatalogParams, resolveSyntheticOptions, sourceString } from "./synthetic-options.js";
import { assignTags } from "./synthetic-tags.js";

export { SYNTHETIC_DEFAULTS, type SyntheticCatalogOptions, type SyntheticCatalogParams, resolveSyntheticOptions } from "./synthetic-options.js";

const RATING_MIN = 0.5;
const RATING_MAX = 5;

/** Steps 1–2, indexed by latent rank: kept tag counts (descending, `tagsPerMovie` slots per rank), how many were kept, their sum. */
interface TagCounts {
  readonly counts: Float64Array;
  readonly kept: Int32Array;
  readonly popularity: Float64Array;
}

/** Step 3: the movie id of each latent rank, and the latent ranks in popularity order. */
interface Ranking {
  readonly movieOfRank: Int32Array;
  readonly order: Int32Array;
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
  const counts = tagCounts(tree, p);
  const ranking = rankMovies(tree, counts.popularity);
  // 4. Tags along the popularity order (tags in order of introduction, relabelled at the end).
  let slots = 0;
  for (let r = 0; r < p.movies; r++) slots += counts.kept[r]!;
  const tagOfSlot = assignTags(tree.stream("synthetic-catalog", "tags"), p, ranking.order, counts.kept, p.tagsPerMovie, slots);
  const tagLabel = permutation(tree.stream("synthetic-catalog", "tag-id"), p.tags);
  const ratingOfRank = averageRatings(tree.stream("synthetic-catalog", "rating"), p, ranking.order);
  return { source: sourceString(p), ...assemble(p, counts, ranking, tagOfSlot, tagLabel, ratingOfRank, slots) };
}

/** Steps 1–2: the tag counts of the movie of each latent rank, then its kept tags. */
function tagCounts(tree: SeedTree, p: SyntheticCatalogParams): TagCounts {
  const popRng = tree.stream("synthetic-catalog", "popularity");
  const shareRng = tree.stream("synthetic-catalog", "shares");
  const n = p.movies;
  const slotsMax = p.tagsPerMovie;
  const counts = new Float64Array(n * slotsMax);
  const kept = new Int32Array(n);
  const popularity = new Float64Array(n);
  const w = new Float64Array(slotsMax);
  const profile = Float64Array.from({ length: slotsMax }, (_, k) => p.shareRatio ** k);
  for (let r = 0; r < n; r++) {
    const rank = r + 1;
    const latent =
      p.popularityScale *
      rank ** -p.popularitySlope *
      portableExp(
        -((rank / p.popularityCutoff) ** p.popularityShape) -
          (rank / p.popularityTailRank) ** p.popularityTailShape +
          p.popularityJitter * popRng.normal(),
      );
    let sum = 0;
    for (let k = 0; k < slotsMax; k++) {
      w[k] = profile[k]! * portableExp(p.shareJitter * shareRng.normal());
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
  return { counts, kept, popularity };
}

/** Step 3: movie ids, then the popularity order of `popularityOrder` (count desc, id asc). */
function rankMovies(tree: SeedTree, popularity: Float64Array): Ranking {
  const n = popularity.length;
  const movieOfRank = permutation(tree.stream("synthetic-catalog", "movie-id"), n); // latent rank → id
  const order = new Int32Array(n); // latent ranks in popularity order
  for (let r = 0; r < n; r++) order[r] = r;
  order.sort((x, y) => popularity[y]! - popularity[x]! || movieOfRank[x]! - movieOfRank[y]!);
  return { movieOfRank, order };
}

/** Step 5: average ratings by popularity rank, indexed by latent rank. */
function averageRatings(rng: Stream, p: SyntheticCatalogParams, order: Int32Array): Float64Array {
  const n = order.length;
  const ratingOfRank = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const mean = p.ratingMean + p.ratingBoost * portableExp(-j / p.ratingBoostRank);
    const sd = p.ratingSdTail - (p.ratingSdTail - p.ratingSdTop) * portableExp(-j / p.ratingSdRank);
    const x = mean + sd * rng.normal();
    ratingOfRank[order[j]!] = Math.min(RATING_MAX, Math.max(RATING_MIN, x));
  }
  return ratingOfRank;
}

/** The catalog in id order; each movie's tags by count descending, ties by tag id (as the loader). */
function assemble(
  p: SyntheticCatalogParams,
  { counts, kept }: TagCounts,
  { movieOfRank, order }: Ranking,
  tagOfSlot: Int32Array,
  tagLabel: Int32Array,
  ratingOfRank: Float64Array,
  slots: number,
): Omit<BaseCatalog, "source"> {
  const n = p.movies;
  const slotsMax = p.tagsPerMovie;
  const byId = new Int32Array(n); // id → latent rank
  for (let r = 0; r < n; r++) byId[movieOfRank[r]!] = r;
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
  return { movieId, avgRating, tagStart, tagId, tagCount };
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
