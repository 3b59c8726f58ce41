/**
 * The generator's parameters as command-line flags (one per CTAR_OPTIONS entry, help rendered from
 * its schema), and the merge of defaults < config file < flags into one validated configuration.
 */
import type { Command } from "commander";
import { CTAR_OPTIONS, type CtarConfig, type OptionSpec } from "../config/ctar-config.js";
import { optionHelp } from "../config/option-text.js";
import { parseCtarConfig } from "../config/parse-config.js";
import { decimalNumber } from "../config/number-text.js";
import { ConfigError } from "../errors/errors.js";
import { readConfigFile } from "../io/inputs/load-config.js";
import { isCtarRecord, recordedConfigBase } from "../io/recorded/recorded-run.js";

function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function addConfigOptions(cmd: Command): Command {
  cmd.option("--config <file>", "configuration file (JSON or YAML) with any of the options below, or a dataset's config.json; flags override it");
  for (const o of CTAR_OPTIONS) cmd.option(`--${o.flag} <${o.kind === "string" ? "value" : "n"}>`, optionHelp(o));
  return cmd;
}

/**
 * A flag's text as the value the schema then judges: a number, or null ("null"). Only text that is
 * no number at all is refused here; whether the number is allowed (an integer, in range) is the
 * schema's decision, in the schema's words, as for a configuration file.
 */
function parseFlagValue(flag: string, kind: OptionSpec["kind"], raw: string): unknown {
  if (kind === "string") return raw;
  if (raw === "null") return null;
  const x = decimalNumber(raw);
  if (x === undefined || !Number.isFinite(x)) throw new ConfigError(`--${flag}: expected a number (got '${raw}')`);
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
