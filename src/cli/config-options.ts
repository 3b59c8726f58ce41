/**
 * The generator's parameters as command-line flags (one per CTAR_OPTIONS entry), and the merge of
 * defaults < config file < flags into one validated configuration.
 */
import type { Command } from "commander";
import { CTAR_OPTIONS, type CtarConfig } from "../config/ctar-config.js";
import { parseCtarConfig } from "../config/parse-config.js";
import { ConfigError } from "../errors/errors.js";
import { readConfigFile } from "../io/load-config.js";
import { isCtarRecord, recordedConfigBase } from "../io/recorded-run.js";

function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The default of an option, as the help shows it. */
export function optionDefault(path: readonly string[]): string {
  let v: unknown = DEFAULTS;
  for (const k of path) v = (v as Record<string, unknown>)[k];
  return v === null ? "derived" : String(v);
}

const DEFAULTS = parseCtarConfig({});

export function addConfigOptions(cmd: Command): Command {
  cmd.option("--config <file>", "configuration file (JSON or YAML) with any of the options below, or a dataset's config.json; flags override it");
  for (const o of CTAR_OPTIONS) {
    const d = optionDefault(o.path);
    cmd.option(`--${o.flag} <${o.kind === "string" ? "value" : "n"}>`, d === "derived" ? o.help : `${o.help} (default: ${d})`);
  }
  return cmd;
}

function parseFlagValue(flag: string, kind: string, raw: string): unknown {
  if (kind === "string") return raw;
  if (kind === "number-or-null" && raw === "null") return null;
  const x = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(x)) throw new ConfigError(`--${flag}: expected a number (got '${raw}')`);
  if (kind === "int" && !Number.isInteger(x)) throw new ConfigError(`--${flag}: expected a whole number (got '${raw}')`);
  return x;
}

/** Builds the validated configuration from a command's parsed options. */
export function configFromOptions(opts: Record<string, unknown>): CtarConfig {
  let base = typeof opts["config"] === "string" ? (readConfigFile(opts["config"]) as Record<string, unknown>) : {};
  // a dataset's config.json: its resolved configuration (catalog found relative to that folder)
  if (isCtarRecord(base)) base = recordedConfigBase(base, String(opts["config"]), opts["catalog"] !== undefined);
  const merged: Record<string, unknown> = structuredClone(base);
  let fromFlags = false;
  for (const o of CTAR_OPTIONS) {
    const raw = opts[camel(o.flag)];
    if (raw === undefined) continue;
    fromFlags = true;
    let target = merged;
    for (const k of o.path.slice(0, -1)) {
      const next = target[k];
      if (next === undefined || next === null || typeof next !== "object") target[k] = {};
      target = target[k] as Record<string, unknown>;
    }
    target[o.path[o.path.length - 1]!] = parseFlagValue(o.flag, o.kind, String(raw));
  }
  const source = typeof opts["config"] === "string" ? `${opts["config"]}${fromFlags ? " + flags" : ""}` : "options";
  return parseCtarConfig(merged, source);
}
