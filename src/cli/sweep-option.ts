/**
 * `generate --sweep OPTION=V1,V2,…`: the option parsed (config/sweep-spec.ts) and one complete,
 * validated configuration per value, built exactly as if `--OPTION VALUE` had been given, so each
 * value meets the option's own range check (and the checks across options) before anything is
 * written.
 */
import type { CtarConfig } from "../config/ctar-config.js";
import { type SweepSpec, parseSweep, valueText } from "../config/sweep-spec.js";
import { ConfigError } from "../errors/errors.js";
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
  if (opts["replicates"] !== undefined) throw new ConfigError("--sweep: cannot be combined with --replicates (one world per value; sweep again with another --seed for another world)");
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
