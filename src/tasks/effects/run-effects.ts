/**
 * The `effects` bench: every estimator, scored against the exact τ; a randomized estimator runs
 * `runs` times (streams keyed by (estimator, run, purpose) under the seed), a deterministic one
 * once. Figures are mean (sample sd) over runs, as in the tags bench (Table 3).
 */
import { meanSd, type MeanSd } from "../../bench/summary.js";
import { SeedTree, type Stream } from "../../rng/stream.js";
import type { EffectsData, EffectsTruth } from "./effects-data.js";
import type { EffectEstimator } from "./estimators.js";
import { EFFECT_METRICS, scoreEffects, type EffectScores } from "./score-effects.js";

export interface EffectsBenchConfig {
  readonly estimators: readonly EffectEstimator[];
  readonly runs: number;
  readonly seed: number;
  /** Options overriding an estimator's defaults, by name. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface EffectsEstimatorResult {
  readonly name: string;
  readonly description: string;
  readonly options: Readonly<Record<string, number>>;
  readonly runs: readonly EffectScores[];
  readonly summary: Readonly<Record<keyof EffectScores, MeanSd | null>>;
}

export interface EffectsBenchResult {
  readonly seed: number;
  readonly runs: number;
  readonly estimators: readonly EffectsEstimatorResult[];
}

export function summariseScores(runs: readonly EffectScores[]): Record<keyof EffectScores, MeanSd | null> {
  const out = {} as Record<keyof EffectScores, MeanSd | null>;
  for (const [key] of EFFECT_METRICS) out[key] = meanSd(runs.map((r) => r[key]));
  return out;
}

/** The streams of one (estimator, run) under the bench seed: bench and `--predictions` draw the same. */
export function estimatorStream(seed: number, name: string, run: number): (purpose: string) => Stream {
  const tree = new SeedTree(seed);
  return (purpose) => tree.stream("effects", name, run, purpose);
}

export function runEffectsBench(data: EffectsData, truth: EffectsTruth, config: EffectsBenchConfig): EffectsBenchResult {
  if (!Number.isInteger(config.runs) || config.runs < 1) throw new RangeError(`runEffectsBench: runs must be a positive integer (got ${config.runs})`);
  const width = data.catalogTags.length;
  const estimators = config.estimators.map((e) => {
    const options = { ...e.defaults, ...(config.options?.[e.name] ?? {}) };
    const runs: EffectScores[] = [];
    for (let run = 0; run < (e.randomized === true ? config.runs : 1); run++) {
      const estimate = e.estimate(data, options, estimatorStream(config.seed, e.name, run));
      runs.push(scoreEffects(estimate, truth.tau, data.users, width));
    }
    return { name: e.name, description: e.description, options, runs, summary: summariseScores(runs) };
  });
  return { seed: config.seed, runs: config.runs, estimators };
}
