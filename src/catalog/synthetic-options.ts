/**
 * The options of the built-in synthetic catalog (synthetic.ts; docs/catalog.md#the-built-in-synthetic-catalog):
 * their calibrated defaults, their checks, and the `source` string that names a catalog by the
 * options that differ from the defaults.
 */
import { ConfigError } from "../errors/errors.js";

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

/** `builtin:seed=<seed>`, followed by every option that differs from the default. */
export function sourceString(p: SyntheticCatalogParams): string {
  const extra = (Object.keys(SYNTHETIC_DEFAULTS) as Array<keyof SyntheticCatalogParams>)
    .filter((k) => k !== "seed" && p[k] !== SYNTHETIC_DEFAULTS[k])
    .map((k) => `,${k}=${p[k]}`)
    .join("");
  return `builtin:seed=${p.seed}${extra}`;
}
