/**
 * One style for every command's `--help` (the option tables of docs/, which
 * test/docs/help-tables.test.ts compares with it in a clone): a default as `(default: x)`, unquoted, whether it is a value or a description; a required option ends in
 * `(required)`; a switch that is off unless given shows no default. Commander's own style quotes
 * string defaults and prints `(default: false)` for switches, which read as values to type.
 */
import { Help, type Option } from "commander";

function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.mandatory) extra.push("required");
  const isSwitch = !option.required && !option.optional;
  if (option.defaultValue !== undefined && !isSwitch) {
    const d = option.defaultValue as unknown;
    const shown = option.defaultValueDescription ?? (Array.isArray(d) ? (d.length === 0 ? undefined : d.join(",")) : String(d));
    if (shown !== undefined && shown !== "") extra.push(`default: ${shown}`);
  }
  return extra.length === 0 ? option.description : `${option.description} (${extra.join("; ")})`;
}

/** The help configuration every command inherits (set on the program before commands are added). */
export const HELP_STYLE: Partial<Help> = { optionDescription };
