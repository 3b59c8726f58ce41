/**
 * A trial run of an m-graph: every mechanism's setup (its own parameter, parent and dimension
 * checks) and the per-user computation of the first users, at the dimensions `config` gives
 * (`graph validate --users/--movies`, else the defaults). `ctar graph validate` runs it, so that a graph that validates is one that
 * `ctar generate` accepts: the checks a mechanism makes only when it runs are made here too.
 */
import type { BaseCatalog } from "../catalog/base-catalog.js";
import { selectMovies } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { CtarError, GraphError } from "../errors/errors.js";
import { runGraph } from "../generate/engine.js";
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { ctarLayoutProblems } from "./ctar-layout.js";

/** Users computed by the trial: enough to reach every per-user kernel. */
const TRIAL_USERS = 2;

/**
 * Throws a GraphError naming `source` and the failing node when g cannot be generated in the CTAR
 * layout with `config`'s dimensions; returns the warnings a run would print.
 */
export function trialRun(g: MGraph, registry: MechanismRegistry, config: CtarConfig, catalog: BaseCatalog, source: string): string[] {
  const layout = ctarLayoutProblems(g, registry);
  if (layout.length > 0) {
    throw new GraphError(
      `${source}: graph '${g.name}' cannot be generated in the CTAR layout (\`ctar graph analyze\` and \`dsep\` still work on it):\n${layout.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  const warnings: string[] = [];
  try {
    runGraph({
      graph: g,
      registry,
      dims: { users: config.users, movies: config.movies },
      catalog: selectMovies(catalog, config.movies),
      seed: config.seed,
      compat: config.compat,
      emit: () => {},
      warn: (m) => warnings.push(m),
      userRange: [0, Math.min(TRIAL_USERS, config.users)],
    });
  } catch (e) {
    if (e instanceof CtarError) {
      throw new GraphError(`${source}: graph '${g.name}' does not run with ${config.users} users × ${config.movies} movies: ${e.message}`, { cause: e });
    }
    throw e;
  }
  return warnings;
}
