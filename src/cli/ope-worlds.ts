/**
 * `ctar ope` on a folder of several worlds (io/dataset/world-set.ts): the same policy evaluated on
 * every world, in the manifest's order. Replicates: each figure and each estimator's error as mean
 * ± sd over the worlds (bench/over-worlds.ts; the evaluation is exact, so there is no run-to-run
 * sd). A sweep: a row per value of the swept option.
 */
import { overWorldsFigure } from "../bench/over-worlds.js";
import type { WorldSet } from "../io/dataset/world-set.js";
import type { OpeResult } from "./ope.js";

type ManyWorlds = Exclude<WorldSet, { kind: "dataset" }>;

const ESTIMATES = [
  ["naive", "naive"],
  ["ips", "IPS"],
  ["snips", "SNIPS"],
] as const;

/** One world's figures by key; NaN (no estimate) becomes null. */
function figures(r: OpeResult): Record<string, number | null> {
  const n = (x: number) => (Number.isNaN(x) ? null : x);
  const out: Record<string, number | null> = { true_value: r.v.trueValue };
  for (const [key] of ESTIMATES) out[key] = n(r.v[key]);
  for (const [key] of ESTIMATES) out[`${key}_error`] = n(r.v[key] - r.v.trueValue);
  return out;
}

const f4 = (x: number) => x.toFixed(4);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;

export async function opeOverWorlds(set: ManyWorlds, policy: string, evaluate: (dir: string) => Promise<OpeResult>, json: boolean): Promise<string> {
  const results: OpeResult[] = [];
  for (const w of set.worlds) results.push(await evaluate(w.dir));
  const perWorld = results.map(figures);
  const keys = Object.keys(perWorld[0]!);
  const worlds = set.worlds.map((w, i) => ({
    folder: w.folder,
    ...(w.seed === undefined ? {} : { seed: w.seed }),
    ...(w.value === undefined ? {} : { value: w.value }),
    k: results[i]!.k,
    users: results[i]!.v.users,
    pairs: results[i]!.v.pairs,
    observed_pairs: results[i]!.v.observedPairs,
    ...perWorld[i]!,
  }));
  const over = Object.fromEntries(keys.map((key) => {
    const f = overWorldsFigure(perWorld.map((p) => (p[key] == null ? [] : [p[key]!])));
    return [key, f === null ? null : { mean: f.mean, sd: f.sd, worlds: f.worlds }];
  }));
  if (json) {
    const out = { dataset: set.dir, policy, kind: set.kind, ...(set.kind === "sweep" ? { parameter: set.manifest.parameter } : {}), worlds, ...(set.kind === "replicates" ? { overWorlds: over } : {}) };
    return `${JSON.stringify(out, null, 2)}\n`;
  }
  const k = results[0]!.k;
  if (set.kind === "sweep") {
    const p = set.manifest.parameter;
    const lines = [`ctar ope: policy ${policy}, top-${k}, on each world of the sweep ${set.dir} (error: estimate − true value; n/a: no exact propensities)`, "", `| ${p} | true value | naive error | IPS error | SNIPS error |`, "|---|---|---|---|---|"];
    worlds.forEach((w, i) => lines.push(`| ${w.value} | ${f4(perWorld[i]!["true_value"]!)} | ${ESTIMATES.map(([key]) => (perWorld[i]![`${key}_error`] == null ? "n/a" : signed(perWorld[i]![`${key}_error`]!))).join(" | ")} |`));
    return `${lines.join("\n")}\n`;
  }
  const cell = (key: string, show: (x: number) => string) => {
    const f = over[key];
    return f == null ? "n/a" : `${show(f.mean)} ± ${f.sd === null ? "n/a" : f4(f.sd)}`;
  };
  const lines = [
    `ctar ope: policy ${policy}, top-${k}, over ${set.worlds.length} replicate worlds of ${set.dir} (seeds ${worlds.map((w) => w.seed).join(", ")}): mean ± sd over the worlds`,
    `  true value  ${cell("true_value", f4)}`,
    ...ESTIMATES.map(([key, name]) => `  ${name.padEnd(10)}  ${cell(key, f4)}  (error ${cell(`${key}_error`, signed)})`),
  ];
  return `${lines.join("\n")}\n`;
}
