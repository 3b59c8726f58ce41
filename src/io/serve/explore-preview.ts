/**
 * The explorer's "generate a preview": a small dataset of the edited graph, written to a private
 * temporary folder and read back into the report's figures. Mechanisms come only from the
 * registry the server was started with (the built-ins and the command line's --graph modules).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { GraphError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import { graphProblems } from "../../graph/validate-graph.js";
import type { MechanismRegistry } from "../../mechanisms/registry.js";
import { buildReport } from "../../report/report-html.js";
import { ctarLayoutProblems } from "../../scm/ctar-layout.js";
import { checkMechanisms } from "../inputs/load-graph-run.js";
import { readReportDataset } from "../dataset/read-report-dataset.js";
import { generate, saveDataset } from "../run/generate.js";

export interface PreviewSize {
  readonly users: number;
  readonly movies: number;
  readonly seed: number;
}

export interface Preview {
  readonly dir: string;
  /** The report page of the preview dataset. */
  readonly html: string;
  /** Files of the dataset, relative to `dir` ("train/rating.csv", …). */
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p).split("\\").join("/")];
    });
}

/**
 * The graph with its randomized survey (the graph's own R_RCT parameters, which a graph run takes
 * from the graph, not from the configuration) no larger than the preview's population (users,
 * movies), so that every size the server accepts generates; a survey that fits is kept as it is.
 */
function surveyWithin(graph: MGraph, rct: { users: number; moviesPerUser: number }): MGraph {
  const nodes = graph.nodes.map((n) => {
    if (n.mechanism.kind !== "randomized-survey") return n;
    const p = (n.mechanism.params ?? {}) as Record<string, unknown>;
    const cap = (v: unknown, max: number) => (typeof v === "number" ? Math.min(v, max) : max);
    return { ...n, mechanism: { ...n.mechanism, params: { ...p, users: cap(p["users"], rct.users), moviesPerUser: cap(p["moviesPerUser"], rct.moviesPerUser) } } };
  });
  return { ...graph, nodes };
}

/** Generates, writes and reports a preview; throws CtarErrors (the caller shows them). */
export async function runPreview(graph: MGraph, registry: MechanismRegistry, size: PreviewSize): Promise<Preview> {
  const problems = graphProblems(graph, { knownMechanisms: new Set(registry.kinds()) });
  if (problems.length > 0) throw new GraphError(`preview: graph '${graph.name}' is not valid:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`);
  checkMechanisms(graph, registry, "preview");
  const layout = ctarLayoutProblems(graph, registry);
  if (layout.length > 0) throw new GraphError(`preview: graph '${graph.name}' cannot be written in the CTAR layout:\n${layout.map((p) => `  - ${p}`).join("\n")}`);
  // The survey keeps the defaults' share (100 of 1,000 users, 10 movies each) at any preview size.
  const rct = { users: Math.max(1, Math.min(100, Math.floor(size.users / 10))), moviesPerUser: Math.min(10, size.movies) };
  const warnings: string[] = [];
  // The library's two entry points, whose contract stays fixed while the engine behind them changes.
  const dataset = generate({ users: size.users, movies: size.movies, seed: size.seed, rct }, { graph: surveyWithin(graph, { users: size.users, moviesPerUser: size.movies }), registry, warn: (m) => warnings.push(m) });
  const dir = mkdtempSync(join(tmpdir(), "ctar-explore-"));
  try {
    await saveDataset(dir, dataset, { force: true });
    const html = await buildReport([{ label: `preview of '${graph.name}' (${size.users} users × ${size.movies} movies, seed ${size.seed})`, data: readReportDataset(dir) }]);
    return { dir, html, files: listFiles(dir), warnings };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
