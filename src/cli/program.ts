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

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("ctar")
    .description("Generate, analyse and benchmark semi-synthetic causal recommendation datasets (CTAR, arXiv 2202.11351).")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)");
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
  return program;
}

