/**
 * The `ctar` command line. Each command lives in its own module and registers itself here; this
 * file only wires them (one `register…` line per command).
 */
import { Command } from "commander";
import { VERSION } from "../version.js";
import { registerBench } from "./bench.js";
import { registerExplore } from "./explore.js";
import { registerCard } from "./card.js";
import { registerExport } from "./export.js";
import { registerGenerate } from "./generate.js";
import { registerGraph } from "./graph.js";
import { registerMerge } from "./merge.js";
import { registerOpe } from "./ope.js";
import { registerRegenerate } from "./regenerate.js";
import { registerReport } from "./report.js";
import { registerStats } from "./stats.js";
import { registerValidate } from "./validate.js";
import { registerVerify } from "./verify.js";
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
  130  interrupted by SIGINT, 143 by SIGTERM (unfinished output removed)`;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("ctar")
    .description("Generate, analyse and benchmark semi-synthetic causal recommendation datasets (CTAR, arXiv 2202.11351).")
    .version(VERSION)
    .configureHelp(HELP_STYLE)
    .addHelpText("after", EXIT_CODES_HELP);
  registerGenerate(program);
  registerMerge(program);
  registerRegenerate(program);
  registerStats(program);
  registerBench(program);
  registerGraph(program);
  registerOpe(program);
  registerVerify(program);
  registerReport(program);
  registerExplore(program);
  registerValidate(program);
  registerExport(program);
  registerCard(program);
  for (const c of program.commands) c.addHelpText("after", EXIT_CODES_HELP);
  return program;
}

