/**
 * `--sweep OPTION=V1,V2,…`: one numeric option of the option table (ctar-config.ts) and the values
 * a sweep gives it, one world per value. Only the syntax is judged here (a known option, a
 * numeric one, numbers, at least two, no repeats); whether each value is allowed is the option's
 * schema's decision, made by building the whole configuration with that value (the caller does,
 * before anything is written).
 */
import { ConfigError } from "../errors/errors.js";
import { CTAR_OPTIONS, type OptionSpec } from "./ctar-config.js";

export interface SweepSpec {
  /** The option swept, as the option table has it (flag, config path, schema). */
  readonly option: OptionSpec;
  /** The values, in the order given. */
  readonly values: readonly number[];
}

/** The options a sweep may vary: every numeric one. */
export function sweepableOptions(): readonly OptionSpec[] {
  return CTAR_OPTIONS.filter((o) => o.kind !== "string");
}

/** A value as the folder name and the tables print it: the shortest text of the number. */
export function valueText(x: number): string {
  return String(x);
}

/** The folder of one world of a sweep: `FLAG=VALUE`, e.g. `obs-temperature=50`. */
export function sweepWorldFolder(flag: string, value: number): string {
  return `${flag}=${valueText(value)}`;
}

export function parseSweep(text: string): SweepSpec {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new ConfigError(`--sweep: expected OPTION=V1,V2,… such as obs-temperature=2000,200,50 (got '${text}')`);
  const flag = text.slice(0, eq).trim().replace(/^--/, "");
  const option = CTAR_OPTIONS.find((o) => o.flag === flag);
  const numeric = sweepableOptions().map((o) => o.flag).join(", ");
  if (option === undefined) throw new ConfigError(`--sweep: unknown option '${flag}' (numeric options: ${numeric})`);
  if (option.kind === "string") throw new ConfigError(`--sweep: option '${flag}' is not numeric (a sweep varies a number; numeric options: ${numeric})`);
  const raw = text.slice(eq + 1).split(",").map((s) => s.trim());
  const values = raw.map((s) => {
    const x = Number(s);
    if (s === "" || !Number.isFinite(x)) throw new ConfigError(`--sweep ${flag}: '${s}' is not a number (got '${text}')`);
    return x;
  });
  if (values.length < 2) throw new ConfigError(`--sweep ${flag}: one value (${raw[0]}) is not a sweep; give two or more, or set it with --${flag} ${raw[0]}`);
  const seen = new Set<number>();
  for (const x of values) {
    if (seen.has(x)) throw new ConfigError(`--sweep ${flag}: value ${valueText(x)} given twice (got '${text}')`);
    seen.add(x);
  }
  return { option, values };
}
