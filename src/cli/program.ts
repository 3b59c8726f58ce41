/**
 * The `ctar` command line. Each command lives in its own module and registers itself; this file
 * only wires them: one line per command in COMMANDS, a name and the module to load. A run loads
 * only the module of the command it runs (`ctar --version` loads none), so start-up does not pay
 * for the modules of thirteen other commands; `--help` and a mistyped command load them all.
 */
import { Command } from "commander";
import { VERSION } from "../version.js";
import { HELP_STYLE } from "./help-style.js";

/** The exit codes, as `ctar --help` shows them (docs/failures.md, "Exit codes" has the same table). */
export const EXIT_CODES_HELP = `
Exit codes:
  0    ok
  1    ctar verify rejected an implied independence; ctar validate found problems
  2    usage or configuration error (an option, a config file, a refused --out)
  3    input data error (a malformed or oversized catalog, dataset, graph or policy file)
  4    graph error (an invalid m-graph or mechanism)
  5    filesystem error (permission, read-only or full disk, a path that is a file, a locked target)
  70   internal error (a bug: please report it)
  129  interrupted by SIGHUP, 130 by SIGINT, 143 by SIGTERM (unfinished output removed)`;

type Register = (program: Command) => void;

/** Every command: its name and how to load its `register…` function. */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ["generate", async () => (await import("./generate.js")).registerGenerate],
  ["merge", async () => (await import("./merge.js")).registerMerge],
  ["regenerate", async () => (await import("./regenerate.js")).registerRegenerate],
  ["stats", async () => (await import("./stats.js")).registerStats],
  ["bench", async () => (await import("./bench.js")).registerBench],
  ["task", async () => (await import("./task.js")).registerTask],
  ["score", async () => (await import("./score.js")).registerScore],
  ["graph", async () => (await import("./graph.js")).registerGraph],
  ["ope", async () => (await import("./ope.js")).registerOpe],
  ["verify", async () => (await import("./verify.js")).registerVerify],
  ["report", async () => (await import("./report.js")).registerReport],
  ["explore", async () => (await import("./explore.js")).registerExplore],
  ["validate", async () => (await import("./validate.js")).registerValidate],
  ["export", async () => (await import("./export.js")).registerExport],
  ["card", async () => (await import("./card.js")).registerCard],
];

/** The names of every command, in `ctar --help` order. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([name]) => name);

/**
 * Which commands a run with these arguments needs: the one it names; none for a bare
 * `--version`; all of them otherwise (help, no command, a mistyped one, so that commander can
 * list them or suggest the nearest).
 */
export function commandsFor(argv: readonly string[] | undefined): readonly string[] {
  if (argv === undefined) return COMMAND_NAMES;
  const first = argv.find((a) => !a.startsWith("-"));
  if (first !== undefined && COMMAND_NAMES.includes(first)) return [first];
  if (first === undefined && argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return [];
  return COMMAND_NAMES;
}

/** The program with the commands `argv` needs (every command when `argv` is not given). */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name("ctar")
    .description("Generate, analyse and benchmark semi-synthetic causal recommendation datasets (CTAR, arXiv 2202.11351).")
    .version(VERSION)
    .configureHelp(HELP_STYLE)
    .addHelpText("after", EXIT_CODES_HELP);
  const wanted = new Set(commandsFor(argv));
  for (const [name, load] of COMMANDS) if (wanted.has(name)) (await load())(program);
  for (const c of program.commands) c.addHelpText("after", EXIT_CODES_HELP);
  return program;
}
