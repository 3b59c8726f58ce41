/**
 * The data of the `ope` task (off-policy estimators judged against the exact value): for each
 * evaluated policy, its top-k lists, its exact value V on the world, and its recommended pairs whose
 * rating was observed (with the rating and the exact propensity P(R_R = 1)); the observed ratings
 * the reward model and the propensity estimate learn from; and the task's options, parsed.
 */
import { ConfigError } from "../../errors/errors.js";
import type { ObservedRatings } from "../../truth/policy-value.js";
import type { Recommendations } from "../../truth/recommendations.js";

/** The policies `--policies` may name (a policy file is added with `--policy-file`). */
export const OPE_POLICIES = ["popularity", "random", "mf"] as const;
/** A policy's id in the task's files: its index here. */
export const POLICY_IDS = [...OPE_POLICIES, "file"] as const;

/** What the task's files keep of a policy: its value, against which an estimate is scored. */
export interface PolicyTruth {
  readonly name: string;
  readonly users: number;
  readonly pairs: number;
  readonly observedPairs: number;
  readonly trueValue: number;
}

/** The task's data: the whole world's view when built from a dataset, the policies' truth when read from a task folder. */
export interface OpeTaskData {
  readonly full?: OpeData;
  readonly truth: readonly PolicyTruth[];
}

export const OPE_OPTIONS = [
  { flag: "policies", help: `the evaluated policies, comma-separated (${OPE_POLICIES.join(", ")})`, default: "popularity,random,mf" },
  { flag: "policy-file", help: "also evaluate this policy file (userid,movieid,score), named 'file'", default: "" },
  { flag: "policy-k", help: "length of every policy's top-k lists (clamped to the catalog)", default: "10" },
  { flag: "policy-seed", help: "seed of the 'random' policy and of the 'mf' policy's training", default: "0" },
  { flag: "switch-lambda", help: "Switch-DR's threshold λ ≥ 0 on the importance weight 1/p ('inf': DR)", default: "100" },
] as const;

export interface OpeOptions {
  readonly policies: readonly string[];
  readonly policyFile: string | undefined;
  readonly k: number;
  readonly policySeed: number;
  readonly lambda: number;
}

/** One evaluated policy on one world. */
export interface PolicyLog {
  readonly name: string;
  readonly rec: Recommendations;
  /** Users with a non-empty list. */
  readonly activeUsers: number;
  /** V = Σ w R over the recommended pairs, exact. */
  readonly trueValue: number;
  /** The observed recommended pairs: index into rec.movie, the rating, P(R_R = 1) exact (NaN: none recorded). */
  readonly obsAt: Int32Array;
  readonly obsRating: Float64Array;
  readonly obsOracle: Float64Array;
}

export interface OpeData {
  readonly users: number;
  readonly movies: number;
  readonly options: OpeOptions;
  /** The k asked for, when larger than the catalog (k is then the catalog's size). */
  readonly kRequested?: number;
  readonly observed: ObservedRatings;
  /** P(R_R = 1) of each observed rating (aligned with `observed`), exact; NaN where the world records none. */
  readonly observedOracle: Float64Array;
  /** p̂_m = n_m / |U|: the share of users whose rating of movie m was observed. */
  readonly estimated: Float64Array;
  /** False when the world records no exact P(R_R = 1) for some observed recommended pair. */
  readonly exactPropensities: boolean;
  readonly policies: readonly PolicyLog[];
}

function whole(v: string, flag: string, min: number): number {
  const x = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(x) || x < min) throw new ConfigError(`--${flag}: expected a whole number ≥ ${min} (got '${v}')`);
  return x;
}

/** The options by flag (defaults filled in), checked: a ConfigError names the flag. */
export function parseOpeOptions(o: Readonly<Record<string, string>>): OpeOptions {
  const get = (flag: string) => o[flag] ?? OPE_OPTIONS.find((x) => x.flag === flag)!.default;
  const file = get("policy-file").trim();
  const policies = get("policies").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  for (const p of policies) if (!(OPE_POLICIES as readonly string[]).includes(p)) throw new ConfigError(`--policies: unknown policy '${p}' (expected some of ${OPE_POLICIES.join(", ")}; a policy file goes to --policy-file)`);
  const twice = policies.find((p, i) => policies.indexOf(p) !== i);
  if (twice !== undefined) throw new ConfigError(`--policies: policy '${twice}' is named twice (got '${get("policies")}')`);
  if (policies.length === 0 && file === "") throw new ConfigError(`--policies: no policy to evaluate (got '${get("policies")}'; name some of ${OPE_POLICIES.join(", ")}, or give --policy-file)`);
  const raw = get("switch-lambda").trim();
  const lambda = raw === "inf" ? Infinity : /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
  if (!(lambda >= 0)) throw new ConfigError(`--switch-lambda: expected a number ≥ 0 or 'inf' (got '${raw}'): the largest importance weight 1/p whose pair keeps its DR correction`);
  return { policies, policyFile: file === "" ? undefined : file, k: whole(get("policy-k"), "policy-k", 1), policySeed: whole(get("policy-seed"), "policy-seed", 0), lambda };
}
