/**
 * What the CTAR layout writer needs from a graph (src/generate/generate.ts, src/io/write-dataset.ts):
 * a movie-plate node `TM` with the movies' tags (movie.csv), a user-plate node `TU` with each
 * user's liked tags (Tests I–III), and mechanisms that emit the tables `rating`, `obstag` and
 * `rcttag` (`dropped` comes with `obstag`). A graph file is the CTAR graph
 * (`ctar graph show --preset ctar`) plus the user's nodes, so these are there unless removed.
 */
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";

/** Every reason g cannot be written in the CTAR layout (empty when it can). */
export function ctarLayoutProblems(g: MGraph, registry: MechanismRegistry): string[] {
  const out: string[] = [];
  const byName = new Map(g.nodes.map((n) => [n.name, n]));
  const tm = byName.get("TM");
  if (tm === undefined || tm.plate !== "movie") out.push(`a movie-plate node 'TM' (the movies' tags, movie.csv) is needed${tm ? ` (got plate ${tm.plate})` : ""}`);
  const tu = byName.get("TU");
  if (tu === undefined || tu.plate !== "user") out.push(`a user-plate node 'TU' (the tags each user likes, for the test sets) is needed${tu ? ` (got plate ${tu.plate})` : ""}`);
  const emitted = new Set<string>();
  for (const n of g.nodes) for (const o of registry.get(n.mechanism.kind)?.outputs ?? []) emitted.add(o.table);
  for (const t of ["rating", "obstag", "rcttag"]) {
    if (!emitted.has(t)) out.push(`no node's mechanism emits the table '${t}' (the CTAR proxies R*, O*, RCT* do: rating-proxy, observational-tag-proxy, survey-tag-proxy)`);
  }
  return out;
}
