/**
 * The data of the `ratings` task (debiased rating prediction, paper §7): the observed, self-selected
 * ratings (MNAR) with their exact observation probabilities, a uniformly random sample of the same
 * world's potential outcomes (MCAR) split into a uniform training slice, a validation set and a
 * test set (as AutoDebias splits Yahoo!R3's random set), and what the exact population risk needs.
 * Ratings are LabelSets whose `tag` is the movie id and `label` the rating.
 */
import { ConfigError } from "../../errors/errors.js";
import type { LabelSet } from "../../labels/label-set.js";
import type { PopulationTruth } from "./population-risk.js";

export interface RatingsData {
  readonly users: number;
  readonly movies: number;
  /** The observed ratings (train/rating): MNAR. */
  readonly mnar: LabelSet;
  /** P(R_R = 1) of each MNAR row, exact (the oracle propensities), when the world records them. */
  readonly oracle: Float64Array | undefined;
  readonly uniformTrain: LabelSet;
  readonly validation: LabelSet;
  readonly test: LabelSet;
  /** The closed-form rating law per (movie, |TL|) and TL's inputs, or why there is none. */
  readonly population: PopulationTruth | { readonly reason: string };
  /** The options the sample was drawn with, as given. */
  readonly options: Readonly<Record<string, string>>;
}

/** The sample's parameters, parsed from the task's options. */
export interface RatingsOptions {
  /** Shares of the uniform sample in uniform-train, validation, test. */
  readonly split: readonly [number, number, number];
  /** Share of the users who get a uniform sample. */
  readonly userShare: number;
  /** Random movies per sampled user. */
  readonly moviesPerUser: number;
  readonly splitSeed: number;
}

export const RATINGS_OPTIONS = [
  { flag: "split", help: "shares of the uniform (MCAR) sample in uniform-train, validation and test (as AutoDebias)", default: "5,5,90" },
  { flag: "uniform-users", help: "share of the users given uniformly random movies, a fraction (e.g. 1/3 or 0.5)", default: "1/3" },
  { flag: "uniform-movies", help: "uniformly random movies per sampled user (as Yahoo!R3's 10 songs)", default: "10" },
  { flag: "split-seed", help: "seed of the uniform sample and its split (with the dataset's own seed)", default: "0" },
] as const;

function fraction(v: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)\s*)?$/.exec(v);
  const x = m === null ? NaN : Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2]));
  if (!(x > 0 && x <= 1)) throw new ConfigError(`--${flag}: expected a fraction in (0, 1], e.g. 1/3 or 0.5 (got '${v}')`);
  return x;
}

function whole(v: string, flag: string, min: number): number {
  const x = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(x) || x < min) throw new ConfigError(`--${flag}: expected a whole number ≥ ${min} (got '${v}')`);
  return x;
}

export function parseRatingsOptions(o: Readonly<Record<string, string>>): RatingsOptions {
  const get = (flag: string) => o[flag] ?? RATINGS_OPTIONS.find((x) => x.flag === flag)!.default;
  const parts = get("split").split(",").map((s) => Number(s.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x < 0) || parts[0]! + parts[1]! + parts[2]! <= 0) {
    throw new ConfigError(`--split: expected three non-negative shares, uniform-train,validation,test (got '${get("split")}', e.g. 5,5,90)`);
  }
  return {
    split: parts as [number, number, number],
    userShare: fraction(get("uniform-users"), "uniform-users"),
    moviesPerUser: whole(get("uniform-movies"), "uniform-movies", 1),
    splitSeed: whole(get("split-seed"), "split-seed", 0),
  };
}

/** A LabelSet from columns (copies trimmed to n). */
export function ratingSet(n: number, user: ArrayLike<number>, movie: ArrayLike<number>, rating: ArrayLike<number>): LabelSet {
  return { n, user: Int32Array.from({ length: n }, (_, i) => user[i]!), tag: Int32Array.from({ length: n }, (_, i) => movie[i]!), label: Float64Array.from({ length: n }, (_, i) => rating[i]!) };
}
