/**
 * What the CTAR layout writer needs from a graph (src/generate/world.ts, src/io/run/finish-dataset.ts),
 * found by role (src/mechanisms/roles.ts), not by node name: a movie-plate node with the movies'
 * tags (role movie-tags, movie.csv), a user-plate node with each user's liked tags (role
 * liked-tags, Tests I–III), and mechanisms that emit the tables `rating`, `obstag` and `rcttag`
 * (`dropped` comes with `obstag`), and a rating node giving whole numbers (mechanisms/rating-scale.ts). A graph file is the CTAR graph (`ctar graph show --preset ctar`)
 * plus the user's nodes, so these are there unless removed.
 */
import { CtarError } from "../errors/errors.js";
import type { MGraph, Plate } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { ratingScaleProblem } from "../mechanisms/rating-scale.js";
import { type NodeRole, roleNode } from "../mechanisms/roles.js";

/** Every reason g cannot be written in the CTAR layout (empty when it can). */
export function ctarLayoutProblems(g: MGraph, registry: MechanismRegistry): string[] {
  const out: string[] = [];
  const needs = (role: NodeRole, plate: Plate, what: string) => {
    let name: string | undefined;
    try {
      name = roleNode(g, registry, role);
    } catch (e) {
      if (!(e instanceof CtarError)) throw e;
      out.push(e.message);
      return;
    }
    const node = g.nodes.find((n) => n.name === name);
    if (node === undefined) out.push(`a ${plate}-plate node with ${what} is needed (a node whose mechanism plays role '${role}', like 'movie-tags' for TM and 'liked-tags' for TU)`);
    else if (node.plate !== plate) out.push(`node '${node.name}' (role ${role}: ${what}) must be on plate ${plate} (got plate ${node.plate})`);
  };
  needs("movie-tags", "movie", "the movies' tags (movie.csv)");
  needs("liked-tags", "user", "the tags each user likes (for the test sets)");
  const emitted = new Set<string>();
  for (const n of g.nodes) for (const o of registry.get(n.mechanism.kind)?.outputs ?? []) emitted.add(o.table);
  for (const t of ["rating", "obstag", "rcttag"]) {
    if (!emitted.has(t)) out.push(`no node's mechanism emits the table '${t}' (the CTAR proxies R*, O*, RCT* do: rating-proxy, observational-tag-proxy, survey-tag-proxy)`);
  }
  const scale = ratingScaleProblem(g);
  if (scale !== undefined) out.push(scale);
  return out;
}
