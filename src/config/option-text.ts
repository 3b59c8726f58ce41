/**
 * What the help of `ctar generate` and docs/generate.md's option table say about each option, rendered
 * from the option table and each option's schema: the default and the accepted range are read off
 * the schema (for a mechanism option, the mechanism's own), so no text can state another.
 */
import { z } from "zod";
import { CTAR_OPTIONS, type OptionSpec } from "./ctar-config.js";

interface JsonRange {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** An int's implied safe-integer bound is not a rule of the option: it is not shown. */
const bound = (x: number | undefined) => (x === undefined || Math.abs(x) >= Number.MAX_SAFE_INTEGER ? undefined : x);

/** The values the option accepts, in words ("integer 1..31", "in (0, 1]"), or undefined for free text. */
export function optionRange(o: OptionSpec): string | undefined {
  const j = z.toJSONSchema(o.schema, { unrepresentable: "any" }) as JsonRange;
  if (j.enum !== undefined) return `one of ${j.enum.join(", ")}`;
  const types = Array.isArray(j.type) ? j.type : [j.type];
  if (types.includes("string")) return undefined;
  const gt = bound(j.exclusiveMinimum);
  const lo = gt ?? bound(j.minimum);
  const lt = bound(j.exclusiveMaximum);
  const hi = lt ?? bound(j.maximum);
  const nullable = types.includes("null") ? ", or null" : "";
  if (types.includes("integer")) {
    if (lo !== undefined && hi !== undefined) return `integer ${lo}..${hi}${nullable}`;
    if (lo !== undefined) return `integer ≥ ${lo}${nullable}`;
    return `any integer${nullable}`;
  }
  if (lo !== undefined && hi !== undefined) return `in ${gt === undefined ? "[" : "("}${lo}, ${hi}${lt === undefined ? "]" : ")"}${nullable}`;
  if (lo !== undefined) return `${gt === undefined ? "≥" : ">"} ${lo}${nullable}`;
  if (hi !== undefined) return `${lt === undefined ? "≤" : "<"} ${hi}${nullable}`;
  return `any number${nullable}`;
}

/** The option's default as its schema gives it; a null default is the mechanism's derived one. */
export function optionDefault(o: OptionSpec): string {
  const schema = o.schema as z.ZodType;
  const d = schema.parse(undefined);
  if (d !== null) return String(d);
  const derived = (schema.meta() as { derivedDefault?: string } | undefined)?.derivedDefault;
  return derived === undefined ? "null" : `null, meaning ${derived}`;
}

/** One line of `--help`: the help text, the accepted values, the default. */
export function optionHelp(o: OptionSpec): string {
  const range = optionRange(o);
  return `${o.help}${range === undefined ? "" : `; ${range}`} (default: ${optionDefault(o)})`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** The rows of docs/generate.md's table for the options of `ctar generate` (flag, config key, default, meaning). */
export function optionTableRows(options: readonly OptionSpec[] = CTAR_OPTIONS): string {
  return options
    .map((o) => {
      const range = optionRange(o);
      return `| \`--${o.flag}\` | \`${o.path.join(".")}\` | ${cell(optionDefault(o))} | ${cell(o.help)}${range === undefined ? "" : `; ${cell(range)}`} |`;
    })
    .join("\n");
}
