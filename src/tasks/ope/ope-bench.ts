/**
 * The `ope` bench on one world: every asked estimator on every policy, the propensity estimators
 * twice (with the exact P(R_R = 1), "-oracle", and with the popularity estimate p̂, "-est"),
 * scored against the policy's exact value V: error V̂ − V, relative error |V̂ − V| / |V| and
 * squared error (V̂ − V)², as Open Bandit Pipeline reports them. The reward model (DM, DR, SNDR,
 * Switch-DR) is fitted once per run; the estimators without it run once.
 */
import { meanSd, type MeanSd } from "../../bench/summary.js";
import { type OpeEstimatorKey, OpeSums, USES_PROPENSITY, USES_REWARD_MODEL } from "../../truth/ope-estimators.js";
import type { MetricRow, TaskBenchConfig } from "../task.js";
import type { OpeData, PolicyLog } from "./ope-data.js";
import { fitRewardModel } from "./reward-model.js";

export const OPE_METRICS = [
  { key: "rel_ee", header: "relative error", formula: "|V̂ − V| / |V|, V the policy's exact value (Open Bandit Pipeline's relative estimation error)" },
  { key: "sq_err", header: "squared error", formula: "(V̂ − V)²" },
  { key: "error", header: "error", formula: "V̂ − V (the sign shows the bias)" },
  { key: "estimate", header: "estimate", formula: "V̂" },
  { key: "true_value", header: "true value", formula: "V = Σ w R over the recommended pairs, w = 1/(|U_π|·k_u): exact, from the potential outcomes" },
] as const;

export type Propensities = "oracle" | "est";

/** One row of the table: a policy, an estimator and the propensities it used (none for naive and DM). */
export interface OpeRowSpec {
  readonly name: string;
  readonly policy: string;
  readonly estimator: OpeEstimatorKey;
  readonly propensities: Propensities | "none";
}

export interface OpeRowResult extends OpeRowSpec {
  readonly runs: readonly MetricRow[];
  readonly summary: Readonly<Record<string, MeanSd | null>>;
}

/** The rows asked: per policy, each estimator, with both propensities where it uses them. */
export function opeRows(data: OpeData, estimators: readonly OpeEstimatorKey[]): OpeRowSpec[] {
  const out: OpeRowSpec[] = [];
  for (const p of data.policies) {
    for (const e of estimators) {
      if (!USES_PROPENSITY.has(e)) out.push({ name: `${p.name}/${e}`, policy: p.name, estimator: e, propensities: "none" });
      else for (const q of ["oracle", "est"] as const) if (q === "est" || data.exactPropensities) out.push({ name: `${p.name}/${e}-${q}`, policy: p.name, estimator: e, propensities: q });
    }
  }
  return out;
}

export function scoreEstimate(estimate: number, v: number): MetricRow {
  if (Number.isNaN(estimate)) return { rel_ee: null, sq_err: null, error: null, estimate: null, true_value: v };
  const e = estimate - v;
  return { rel_ee: v === 0 ? null : Math.abs(e) / Math.abs(v), sq_err: e * e, error: e, estimate, true_value: v };
}

/** The estimates of one policy with one set of propensities and R̂ per list pair (undefined: none). */
export function policyEstimates(data: OpeData, p: PolicyLog, propensities: Propensities, rHat: Float64Array | undefined) {
  const sums = new OpeSums(data.options.lambda);
  const { rec } = p;
  const weight = new Float64Array(rec.movie.length);
  for (let u = 0; u < rec.users; u++) {
    const a = rec.start[u]!;
    const b = rec.start[u + 1]!;
    for (let i = a; i < b; i++) {
      weight[i] = 1 / (p.activeUsers * (b - a));
      sums.pair(weight[i]!, rHat === undefined ? NaN : rHat[i]!);
    }
  }
  for (let j = 0; j < p.obsAt.length; j++) {
    const i = p.obsAt[j]!;
    const q = propensities === "oracle" ? p.obsOracle[j]! : data.estimated[rec.movie[i]!]!;
    sums.observed(weight[i]!, p.obsRating[j]!, rHat === undefined ? NaN : rHat[i]!, q);
  }
  return sums.estimates();
}

/** R̂ of every list pair of the policy. */
function listPredictions(p: PolicyLog, predict: (user: Int32Array, movie: Int32Array, out: Float64Array) => void): Float64Array {
  const user = new Int32Array(p.rec.movie.length);
  for (let u = 0; u < p.rec.users; u++) user.fill(u, p.rec.start[u]!, p.rec.start[u + 1]!);
  const out = new Float64Array(user.length);
  predict(user, p.rec.movie, out);
  return out;
}

export function runOpeBench(data: OpeData, estimators: readonly OpeEstimatorKey[], config: Pick<TaskBenchConfig, "runs" | "seed" | "epochs" | "precision" | "onProgress">): OpeRowResult[] {
  const specs = opeRows(data, estimators);
  const runs = new Map<string, MetricRow[]>(specs.map((s) => [s.name, []]));
  const model = estimators.some((e) => USES_REWARD_MODEL.has(e));
  const total = model ? config.runs : 1;
  for (let run = 0; run < total; run++) {
    const predictor = model ? fitRewardModel(data.users, data.movies, data.observed, { epochs: config.epochs, precision: config.precision, seed: config.seed, run }) : undefined;
    for (const p of data.policies) {
      const rHat = predictor === undefined ? undefined : listPredictions(p, (u, m, o) => predictor.predict(u, m, o));
      const by = { oracle: policyEstimates(data, p, "oracle", rHat), est: policyEstimates(data, p, "est", rHat) };
      for (const s of specs) {
        if (s.policy !== p.name || (run > 0 && !USES_REWARD_MODEL.has(s.estimator))) continue;
        runs.get(s.name)!.push(scoreEstimate(by[s.propensities === "est" ? "est" : "oracle"][s.estimator], p.trueValue));
      }
    }
    config.onProgress?.(run + 1, total, "reward model", run);
  }
  return specs.map((s) => {
    const rows = runs.get(s.name)!;
    const summary: Record<string, MeanSd | null> = {};
    for (const m of OPE_METRICS) summary[m.key] = meanSd(rows.map((r) => r[m.key] ?? null));
    return { ...s, runs: rows, summary };
  });
}
