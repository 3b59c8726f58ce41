/**
 * Node roles: the part a node plays in the CTAR layout (the movies' tags of movie.csv, the liked
 * tags of the test sets, the rating of the ground truth …), found from what the mechanisms declare
 * instead of from node names, so that a graph file with renamed nodes is written the same way.
 *
 * Two kinds of role:
 *  - declared by the node's mechanism (`Mechanism.role`): movie-tags (TM), liked-tags (TU),
 *    tag-overlap (TL), quality (Q), rating (R);
 *  - structural, from the proxies' declared output tables: the missingness indicator (a parent of
 *    set R) of the proxy emitting `rating` is the rating missingness (R_R), of `obstag` the
 *    observational-tag missingness (R_O), of `rcttag` the survey's (R_RCT). Any mechanism may
 *    then sit on those nodes (an intervention, a user's bias), and they keep their role.
 */
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import { NODE_ROLES, type NodeRole } from "./mechanism.js";
import type { MechanismRegistry } from "./registry.js";

export { NODE_ROLES, type NodeRole };

/** Roles that follow from the proxies: the indicator of the proxy emitting each table. */
export const INDICATOR_ROLES = {
  "rating-missingness": "rating",
  "obstag-missingness": "obstag",
  "survey-missingness": "rcttag",
} as const;
export type IndicatorRole = keyof typeof INDICATOR_ROLES;

export type Role = NodeRole | IndicatorRole;

function isIndicatorRole(role: Role): role is IndicatorRole {
  return role in INDICATOR_ROLES;
}

/**
 * The node of `g` playing `role`, or undefined when none does. Two nodes playing it is a
 * GraphError naming them (the layout could not tell which to write).
 */
export function roleNode(g: MGraph, registry: MechanismRegistry, role: Role): string | undefined {
  const found: string[] = [];
  if (isIndicatorRole(role)) {
    const table = INDICATOR_ROLES[role];
    const setOf = new Map(g.nodes.map((n) => [n.name, n.set]));
    for (const n of g.nodes) {
      if (!(registry.get(n.mechanism.kind)?.outputs ?? []).some((o) => o.table === table)) continue;
      for (const p of n.parents) if (setOf.get(p) === "R" && !found.includes(p)) found.push(p);
    }
  } else {
    for (const n of g.nodes) if (registry.get(n.mechanism.kind)?.role === role) found.push(n.name);
  }
  if (found.length > 1) {
    throw new GraphError(`graph '${g.name}': nodes ${found.map((f) => `'${f}'`).join(", ")} all play the role '${role}' in the CTAR layout (expected one; ${describeRole(role)})`);
  }
  return found[0];
}

/** As `roleNode`, but a missing role is a GraphError saying what was expected. */
export function requireRoleNode(g: MGraph, registry: MechanismRegistry, role: Role): string {
  const name = roleNode(g, registry, role);
  if (name === undefined) throw new GraphError(`graph '${g.name}': no node plays the role '${role}' (${describeRole(role)})`);
  return name;
}

/** Every role of the CTAR layout, by role (undefined where no node plays it). */
export type CtarRoles = { readonly [R in Role]: string | undefined };

export function ctarRoles(g: MGraph, registry: MechanismRegistry): CtarRoles {
  const out: Partial<Record<Role, string | undefined>> = {};
  for (const r of NODE_ROLES) out[r] = roleNode(g, registry, r);
  for (const r of Object.keys(INDICATOR_ROLES) as IndicatorRole[]) out[r] = roleNode(g, registry, r);
  return out as CtarRoles;
}

/** What plays a role, for messages. */
export function describeRole(role: Role): string {
  if (isIndicatorRole(role)) return `the missingness indicator, a parent of set R, of the proxy emitting the table '${INDICATOR_ROLES[role]}'`;
  // Each declared role is played by the built-in mechanism of the same name.
  return `a node whose mechanism declares role '${role}', like the built-in mechanism '${role}'`;
}
