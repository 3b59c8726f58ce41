/**
 * `ctar ope` on a folder of several worlds (io/dataset/world-set.ts): the same policy evaluated on
 * every world, in the manifest's order. Replicates: each figure and each estimator's error as mean
 * ± sd over the worlds (src/bench/over-worlds.ts; the evaluation is exact, so there is no run-to-run
 * sd). A sweep: a row per value of the swept option (mean ± sd over its replicate worlds, if any).
 */
import { overWorldsFigure } from "../bench/over-worlds.js";
import type { World, WorldSet } from "../io/dataset/world-set.js";
import type { PolicyEvaluation } from "../truth/evaluate-policy.js";
import type { Recommendations } from "../truth/recommendations.js";

type ManyWorlds = Exclude<WorldSet, { kind: "dataset" }>;

const ESTIMATES = [
  ["naive", "naive"],
  ["ips", "IPS"],
  ["snips", "SNIPS"],
  ["dm", "DM"],
  ["dr", "DR"],
] as const;

type Figures = Record<string, number | null>;

/** One world's figures by key; NaN (no estimate) becomes null. */
/** One dataset's evaluation (cli/ope.ts): the policy's lists and value, the k used, and the run's interventions. */
export interface OpeResult {
  readonly v: PolicyEvaluation;
  readonly rec: Recommendations;
  readonly k: number;
  readonly users: number;
  readonly interventions: readonly string[];
}

function figures(r: OpeResult): Figures {
  const n = (x: number) => (Number.isNaN(x) ? null : x);
  const out: Figures = { true_value: r.v.trueValue };
  for (const [key] of ESTIMATES) out[key] = n(r.v[key]);
  for (const [key] of ESTIMATES) out[`${key}_error`] = n(r.v[key] - r.v.trueValue);
  return out;
}

/** Mean ± sd over worlds of every figure (null where no world has it). */
function over(perWorld: readonly Figures[]): Record<string, { mean: number; sd: number | null; worlds: number } | null> {
  return Object.fromEntries(Object.keys(perWorld[0]!).map((key) => {
    const f = overWorldsFigure(perWorld.map((p) => (p[key] == null ? [] : [p[key]!])));
    return [key, f === null ? null : { mean: f.mean, sd: f.sd, worlds: f.worlds }];
  }));
}

const f4 = (x: number) => x.toFixed(4);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;

function worldRecord(w: World, r: OpeResult, f: Figures) {
  return { folder: w.folder, ...(w.seed === undefined ? {} : { seed: w.seed }), ...(w.value === undefined ? {} : { value: w.value }), k: r.k, users: r.v.users, pairs: r.v.pairs, observed_pairs: r.v.observedPairs, ...f };
}

async function evaluateAll(worlds: readonly World[], evaluate: (dir: string) => Promise<OpeResult>) {
  const out = [];
  for (const w of worlds) {
    const r = await evaluate(w.dir);
    out.push({ w, r, f: figures(r) });
  }
  return out;
}

export async function opeOverWorlds(set: ManyWorlds, policy: string, evaluate: (dir: string) => Promise<OpeResult>, json: boolean): Promise<string> {
  if (set.kind === "sweep") return opeOverSweep(set, policy, evaluate, json);
  const results = await evaluateAll(set.worlds, evaluate);
  const o = over(results.map((x) => x.f));
  if (json) return `${JSON.stringify({ dataset: set.dir, policy, kind: set.kind, worlds: results.map((x) => worldRecord(x.w, x.r, x.f)), overWorlds: o }, null, 2)}\n`;
  const cell = (key: string, show: (x: number) => string) => {
    const f = o[key];
    return f == null ? "n/a" : `${show(f.mean)} ± ${f.sd === null ? "n/a" : f4(f.sd)}`;
  };
  const lines = [
    `ctar ope: policy ${policy}, top-${results[0]!.r.k}, over ${set.worlds.length} replicate worlds of ${set.dir} (seeds ${set.worlds.map((w) => w.seed).join(", ")}): mean ± sd over the worlds`,
    `  true value  ${cell("true_value", f4)}`,
    ...ESTIMATES.map(([key, name]) => `  ${name.padEnd(10)}  ${cell(key, f4)}  (error ${cell(`${key}_error`, signed)})`),
  ];
  return `${lines.join("\n")}\n`;
}

async function opeOverSweep(set: Extract<WorldSet, { kind: "sweep" }>, policy: string, evaluate: (dir: string) => Promise<OpeResult>, json: boolean): Promise<string> {
  const values: { w: World; results: Awaited<ReturnType<typeof evaluateAll>>; o: ReturnType<typeof over> }[] = [];
  for (const w of set.worlds) {
    const results = await evaluateAll(w.replicates ?? [w], evaluate);
    values.push({ w, results, o: over(results.map((x) => x.f)) });
  }
  const p = set.manifest.parameter;
  if (json) {
    const out = values.map(({ w, results, o }) => ({ value: w.value, folder: w.folder, worlds: results.map((x) => worldRecord(x.w, x.r, x.f)), ...(w.replicates === undefined ? {} : { overWorlds: o }) }));
    return `${JSON.stringify({ dataset: set.dir, policy, kind: set.kind, parameter: p, values: out }, null, 2)}\n`;
  }
  const k = set.worlds[0]!.replicates?.length;
  const cell = (o: (typeof values)[number]["o"], key: string, show: (x: number) => string) => {
    const f = o[key];
    if (f == null) return "n/a";
    return k === undefined || f.sd === null ? show(f.mean) : `${show(f.mean)} ± ${f4(f.sd)}`;
  };
  const per = k === undefined ? "on each world" : `mean ± sd over the ${k} replicate worlds of each value`;
  const lines = [`ctar ope: policy ${policy}, top-${values[0]!.results[0]!.r.k}, ${per} of the sweep ${set.dir} (error: estimate − true value; n/a: no exact propensities)`, "", `| ${p} | true value | ${ESTIMATES.map(([, name]) => `${name} error`).join(" | ")} |`, `|---|---|${ESTIMATES.map(() => "---").join("|")}|`];
  for (const { w, o } of values) lines.push(`| ${w.value} | ${cell(o, "true_value", f4)} | ${ESTIMATES.map(([key]) => cell(o, `${key}_error`, signed)).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}
