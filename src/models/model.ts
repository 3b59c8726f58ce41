/**
 * The model interface of the baselines. Every built-in model implements it, and so can a user's
 * own model: `train` receives the CTAR training labels and a source of seeded random streams, and
 * returns a `Predictor` that scores (user, tag) pairs. The bench (`runBench`) trains, evaluates
 * and aggregates any `Model` the same way.
 *
 * @example
 * ```ts
 * import type { Model } from "ctar";
 * // A popularity baseline: each tag's share of positive labels in ALL, shrunk towards ¼.
 * export const tagShare: Model<{ prior: number }> = {
 *   name: "tag-share",
 *   description: "positive share of each tag in ALL, shrunk towards 1/4",
 *   defaults: { prior: 1 },
 *   train(data, options) {
 *     const pos = new Float64Array(data.tags);
 *     const cnt = new Float64Array(data.tags);
 *     for (let i = 0; i < data.all.n; i++) {
 *       const t = data.all.tag[i]!;
 *       cnt[t] = cnt[t]! + 1;
 *       pos[t] = pos[t]! + data.all.label[i]!;
 *     }
 *     return {
 *       predict(_user, tag, out) {
 *         for (let i = 0; i < tag.length; i++) {
 *           const t = tag[i]!;
 *           out[i] = (pos[t]! + 0.25 * options.prior) / (cnt[t]! + options.prior);
 *         }
 *       },
 *     };
 *   },
 * };
 * // then: await runBench(data, { models: [tagShare, mf], runs: 5, seed: 0, epochs: 100, workers: 1 })
 * ```
 */
import type { LabelSet } from "../labels/label-set.js";
import type { Stream } from "../rng/stream.js";
import type { Precision } from "./adam-kernel.js";

/** Everything a baseline may learn from (rating.csv is used by no baseline). */
export interface TrainingData {
  /** Number of users: ids are 0..users−1. */
  readonly users: number;
  /** Number of tags: ids are 0..tags−1. */
  readonly tags: number;
  /** Labels from obstag.csv (biased, missing not at random). */
  readonly obs: LabelSet;
  /** Labels from rcttag.csv (the randomised trial). */
  readonly rct: LabelSet;
  /** OBS ∪ RCT. */
  readonly all: LabelSet;
}

/** What a model gets besides the data. */
export interface TrainContext {
  /** Number of training epochs asked for (100 by default, as in the paper). */
  readonly epochs: number;
  /**
   * Precision of the trained parameters: "f32", as PyTorch trains by default (the authors' code),
   * or "f64". Figures agree to the fourth decimal; f32 halves the optimiser's memory traffic.
   */
  readonly precision: Precision;
  /**
   * A deterministic random stream for one purpose ("init", "shuffle", …), already keyed by the
   * model's name and the run index: the same (seed, model, run, purpose) always gives the same draws.
   */
  stream(purpose: string): Stream;
}

/** A trained model. */
export interface Predictor {
  /** Writes the score of (user[i], tag[i]) into out[i] (higher = more likely liked). */
  predict(user: Int32Array, tag: Int32Array, out: Float64Array): void;
}

/** Option values a model accepts (kept flat so they print in a table and pass to a worker). */
export type ModelOptions = Readonly<Record<string, number | string | boolean>>;

/** A baseline: a name, its default options, and how to train it. */
export interface Model<O extends ModelOptions = ModelOptions> {
  /** Name used on the command line (`--models`) and in the random-stream keys. */
  readonly name: string;
  /** One line describing the model and its source. */
  readonly description: string;
  /** True when the model learns from the RCT labels (rcttag.csv): without them it cannot run. */
  readonly needsRct?: boolean;
  /** Default options (the paper authors' hyper-parameters for MF, MF-IPS and CausE). */
  readonly defaults: O;
  /** Trains one run and returns the predictor. Must draw randomness only from `ctx.stream`. */
  train(data: TrainingData, options: O, ctx: TrainContext): Predictor;
}

/** The hyper-parameters every factorisation baseline has (models add their own to these). */
export interface FactorModelOptions {
  readonly [key: string]: number;
  readonly dim: number;
  readonly batch: number;
  readonly lr: number;
  readonly weightDecay: number;
  /** Standard deviation of the N(0, sd²) initialisation of every table. */
  readonly initSd: number;
}
