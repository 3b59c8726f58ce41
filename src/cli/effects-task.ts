/**
 * The `effects` task's two entry points for the command line, ready for the task registry:
 * `benchEffects` (what `ctar bench DIR --task effects` prints) and `scoreEffectsPredictions`
 * (what `ctar score DIR --task effects --predictions FILE` prints). Both return the text to print
 * and throw InputError (exit 3) for a folder or file they cannot use; neither writes anything.
 */
import path from "node:path";
import { InputError } from "../errors/errors.js";
import { loadEffectsData, loadEffectsTruth } from "../io/dataset/read-effects-data.js";
import { readEffectPredictions } from "../io/tables/read-effect-predictions.js";
import type { EffectsData, EffectsTruth } from "../tasks/effects/effects-data.js";
import { EFFECT_ESTIMATORS } from "../tasks/effects/estimators.js";
import { formatEffectsJson, formatEffectsMarkdown } from "../tasks/effects/format-effects.js";
import { runEffectsBench, summariseScores, type EffectsBenchResult } from "../tasks/effects/run-effects.js";
import { scoreEffects } from "../tasks/effects/score-effects.js";

function load(dir: string): { data: EffectsData; truth: EffectsTruth } {
  const data = loadEffectsData(dir);
  const truth = loadEffectsTruth(dir, data);
  if (truth === undefined) throw new InputError(`${path.join(dir, "truth", "user_tag.csv")}: not found (the effects task scores against the exact τ written there; generate the dataset with ctar 0.2 or later)`);
  return { data, truth };
}

export interface EffectsBenchOptions {
  readonly runs: number;
  readonly seed: number;
  readonly json?: boolean;
}

export function benchEffects(dir: string, o: EffectsBenchOptions): string {
  const { data, truth } = load(dir);
  // Without truth/movie the oracle has no propensities (a folder trimmed of it): skip it, saying so.
  const estimators = EFFECT_ESTIMATORS.filter((e) => e.oracle !== true || data.propensity !== undefined);
  const result = runEffectsBench(data, truth, { estimators, runs: o.runs, seed: o.seed });
  return o.json === true ? formatEffectsJson(result, data, dir) : formatEffectsMarkdown(result, data, `effects: estimating τ (Eq. 1) on ${dir}`);
}

export function scoreEffectsPredictions(dir: string, file: string, json = false): string {
  const { data, truth } = load(dir);
  const { estimate, given } = readEffectPredictions(file, data);
  const scores = scoreEffects(estimate, truth.tau, data.users, data.catalogTags.length);
  const name = path.basename(file);
  const result: EffectsBenchResult = { seed: 0, runs: 1, estimators: [{ name, description: `predictions of ${file}`, options: {}, runs: [scores], summary: summariseScores([scores]) }] };
  const note = `${file}: ${given} of ${estimate.length} pairs given; the others are scored as τ̂ = 0.\n`;
  if (json) return JSON.stringify({ task: "effects", dataset: dir, predictions: file, pairsGiven: given, pairs: estimate.length, scores }, null, 2) + "\n";
  return formatEffectsMarkdown(result, data, `effects: ${file} on ${dir}`) + note;
}
