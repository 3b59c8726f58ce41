/**
 * `generate --sweep OPTION=V1,V2,…`: the option parsed (config/sweep-spec.ts) and one complete,
 * validated configuration per value, built exactly as if `--OPTION VALUE` had been given, so each
 * value meets the option's own range check (and the checks across options) before anything is
 * written. With --replicates K each value gets K seeds (the seed is the only option they differ in).
 */
import type { CtarConfig } from "../config/ctar-config.js";
import { type SweepSpec, parseSweep, valueText } from "../config/sweep-spec.js";
import { ConfigError } from "../errors/errors.js";
import type { RunInputs } from "../io/run/generate-run.js";
import { configFromOptions } from "./config-options.js";

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface SweepPlan {
  readonly spec: SweepSpec;
  /** One configuration per value, in the values' order. */
  readonly configs: readonly CtarConfig[];
}

/** The sweep `--sweep` asks for, or undefined; refuses what cannot be combined with it. */
export function sweepPlan(opts: Readonly<Record<string, unknown>>, graphFile: string | undefined): SweepPlan | undefined {
  if (opts["sweep"] === undefined) return undefined;
  const spec = parseSweep(String(opts["sweep"]));
  const flag = spec.option.flag;
  if (opts["shard"] !== undefined) throw new ConfigError("--sweep: cannot be combined with --shard");
  if (opts[camel(flag)] !== undefined) throw new ConfigError(`--sweep ${flag}: --${flag} is given too; the sweep sets it (drop one)`);
  if (graphFile !== undefined && spec.option.node !== undefined) {
    throw new ConfigError(`--sweep ${flag} sets a mechanism parameter of the CTAR preset; with --graph ${graphFile} the parameters come from the graph file (sweep a run option such as users, or edit the file)`);
  }
  const configs = spec.values.map((v) => {
    try {
      return configFromOptions({ ...opts, [camel(flag)]: valueText(v) });
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError(`--sweep ${flag}=${valueText(v)}: ${e.message}`, { cause: e });
      throw e;
    }
  });
  return { spec, configs };
}

/**
 * Every value's run inputs, built before any writing, as a lookup by (value, seed); a replicate's
 * other seed is built when it is asked for.
 */
export async function sweepInputs(plan: SweepPlan, seed: number, build: (c: CtarConfig) => Promise<RunInputs>): Promise<(value: number, seed: number) => Promise<RunInputs>> {
  const built = await Promise.all(plan.configs.map(build));
  return async (value, s) => {
    const i = plan.spec.values.indexOf(value);
    return s === seed ? built[i]! : build({ ...plan.configs[i]!, seed: s });
  };
}

/** What the summary line says a sweep wrote, e.g. "sweep of obs-temperature over 2000, 50: 2 worlds of ". */
export function sweepSummary(plan: SweepPlan, seeds: readonly number[]): string {
  const n = plan.spec.values.length;
  const worlds = seeds.length > 0 ? `${n} values × ${seeds.length} replicates, seeds ${seeds[0]}…${seeds[seeds.length - 1]},` : `${n} worlds`;
  return `sweep of ${plan.spec.option.flag} over ${plan.spec.values.join(", ")}: ${worlds} of `;
}
