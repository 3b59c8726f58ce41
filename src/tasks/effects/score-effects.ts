/**
 * The `effects` task's figures for one estimate of τ over the population (effects-data.ts):
 *  - PEHE over every pair, and over the liked pairs (τ′ = 1) alone;
 *  - AUC of τ′ with the estimate as the score (src/metrics/auc.ts: ties count ½);
 *  - precision@5 of each user's top tags, relevance τ′ (precision-at-k.ts).
 */
import { rocAuc } from "../../metrics/auc.js";
import { pehe } from "./pehe.js";
import { meanPrecisionAtK } from "./precision-at-k.js";

/** The k of precision@k. */
export const TOP_K = 5;

export interface EffectScores {
  readonly pehe: number | null;
  readonly peheLiked: number | null;
  readonly auc: number | null;
  readonly precision: number | null;
}

/** The metric names in table order, with their headers. */
export const EFFECT_METRICS: ReadonlyArray<readonly [key: keyof EffectScores, header: string]> = [
  ["pehe", "PEHE"],
  ["peheLiked", "PEHE τ′=1"],
  ["auc", "AUC τ′"],
  ["precision", `P@${TOP_K}`],
];

/** How each figure is computed, for the docs and the task's card. */
export const EFFECT_METRIC_FORMULAS: Readonly<Record<keyof EffectScores, string>> = {
  pehe: "√( mean over every user × catalog tag of (τ̂ − τ)² )",
  peheLiked: "√( mean over the liked pairs (τ′ = 1) of (τ̂ − τ)² )",
  auc: "ROC AUC of τ′ = [τ > 0] scored by τ̂ over every pair (ties counted ½)",
  precision: `mean over users of the share of liked tags (τ′ = 1) among the ${TOP_K} highest τ̂ (ties at the ${TOP_K}th place share the remaining places)`,
};

/** Scores `estimate` (users × width, user-major) against the exact τ of the same layout. */
export function scoreEffects(estimate: Float64Array, tau: Float64Array, users: number, width: number): EffectScores {
  if (estimate.length !== users * width || tau.length !== users * width) throw new RangeError(`scoreEffects: expected ${users} × ${width} values (got ${estimate.length} estimates, ${tau.length} true effects)`);
  for (let i = 0; i < estimate.length; i++) if (!Number.isFinite(estimate[i]!)) throw new RangeError(`scoreEffects: estimate ${i} is ${estimate[i]} (expected a finite number)`);
  const liked = new Uint8Array(tau.length);
  for (let i = 0; i < tau.length; i++) liked[i] = tau[i]! > 0 ? 1 : 0;
  return {
    pehe: pehe(estimate, tau),
    peheLiked: pehe(estimate, tau, (i) => liked[i] === 1),
    auc: rocAuc(estimate, liked),
    precision: meanPrecisionAtK(estimate, liked, users, width, TOP_K),
  };
}
