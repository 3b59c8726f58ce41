/**
 * `ctar [COMMAND …] --help --json`: the commands, their arguments and options as JSON, read from
 * the same commander definitions `--help` prints, for wrappers that call ctar (the Python package
 * in python/ checks a call's options against it before starting Node). Nothing here restates an
 * option: a new option or command appears in the listing as soon as it is registered.
 */
import type { Argument, Command, Option } from "commander";

export interface OptionListing {
  /** The long flag without its dashes, e.g. `rating-temperature` (`no-legend` for a negation). */
  readonly name: string;
  readonly description: string;
  /** `flag` (a switch), `value` (needs a value) or `optional-value` (`--predictions [format]`). */
  readonly takes: "flag" | "value" | "optional-value";
  /** The value's placeholder in the help, e.g. `n` for `--users <n>`. */
  readonly placeholder?: string;
  /** True when ctar reads the value as a number: the help's placeholder is `<n>`. */
  readonly number: boolean;
  /** Given more than once, the values collect (an option whose default is a list, `--do`). */
  readonly repeatable: boolean;
  /** The command fails without it. */
  readonly required: boolean;
  readonly default?: unknown;
}

export interface ArgumentListing {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly variadic: boolean;
}

export interface CommandListing {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly ArgumentListing[];
  readonly options: readonly OptionListing[];
  readonly commands: readonly CommandListing[];
}

function optionListing(o: Option): OptionListing {
  const placeholder = /\s[<[](.*)[>\]]$/.exec(o.flags)?.[1];
  const takes = o.required ? "value" : o.optional ? "optional-value" : "flag";
  return {
    name: (o.long ?? o.flags).replace(/^--/, ""),
    description: o.description,
    takes,
    ...(placeholder !== undefined ? { placeholder } : {}),
    number: placeholder === "n",
    repeatable: Array.isArray(o.defaultValue),
    required: o.mandatory,
    ...(o.defaultValue !== undefined && !o.negate ? { default: o.defaultValue } : {}),
  };
}

function argumentListing(a: Argument): ArgumentListing {
  return { name: a.name(), description: a.description, required: a.required, variadic: a.variadic };
}

export function commandListing(c: Command): CommandListing {
  return {
    name: c.name(),
    description: c.description(),
    arguments: c.registeredArguments.map(argumentListing),
    options: c.options.filter((o) => !o.hidden).map(optionListing),
    commands: c.commands.map(commandListing),
  };
}

/**
 * The listing `argv` asks for, or undefined when it does not ask: `--help` and `--json` both
 * given, the words before the first option naming the command (none: the whole program).
 */
export function helpJson(program: Command, argv: readonly string[]): CommandListing | undefined {
  if (!argv.includes("--help") || !argv.includes("--json")) return undefined;
  let c = program;
  for (const word of argv) {
    if (word.startsWith("-")) break;
    const sub = c.commands.find((s) => s.name() === word);
    if (sub === undefined) return undefined; // commander reports the unknown command
    c = sub;
  }
  return commandListing(c);
}
