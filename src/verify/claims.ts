/**
 * The testable claims an m-graph makes about its missingness indicators, read off by
 * d-separation (src/graph/d-separation.ts). Every indicator I (set R, plate user-movie) is
 * paired with every partially observed user-movie variable X (set V_m):
 *
 *  - conditional: I ⊥ X | movie, when d-separated given every movie-plate node (within one
 *    movie all of them are fixed, so "given the movie" is "given all movie-plate nodes");
 *    otherwise, when X is a parent of I, the graph declares the dependence "I depends on X | movie";
 *  - marginal: I ⊥ X, when d-separated given nothing;
 *  - the movie: I ⊥ movie when I is d-separated from every movie-plate node; the dependence
 *    "I depends on the movie" when a movie-plate node is a parent of I.
 *
 * An edge only permits a dependence, so a declared dependence that the data do not show is
 * reported ("not detected") but does not fail the check; a violated independence does.
 */
import { dSeparation } from "../graph/d-separation.js";
import type { MGraph } from "../graph/mgraph.js";

export type ClaimKind = "independent" | "dependent";

export interface Claim {
  readonly kind: ClaimKind;
  /** The missingness indicator (row variable, binary). */
  readonly indicator: string;
  /** The column variable: a V_m node, or "movie" for the movie itself. */
  readonly variable: string;
  /** Stratified by movie (conditional) or pooled (marginal). */
  readonly givenMovie: boolean;
  /** The d-separation statement (or the edge) behind the claim, for people. */
  readonly impliedBy: string;
}

export interface GraphClaims {
  readonly claims: readonly Claim[];
  /** How the movie is called in the table ("M" when the graph has a movie-plate node M). */
  readonly movieLabel: string;
  /** The movie-plate nodes a movie stratum fixes. */
  readonly movieNodes: readonly string[];
}

function braces(xs: readonly string[]): string {
  return `{${xs.join(", ")}}`;
}

export function graphClaims(g: MGraph): GraphClaims {
  const movieNodes = g.nodes.filter((n) => n.plate === "movie").map((n) => n.name);
  const movieLabel = movieNodes.includes("M") ? "M" : "movie";
  const indicators = g.nodes.filter((n) => n.set === "R" && n.plate === "user-movie");
  const variables = g.nodes.filter((n) => n.set === "V_m" && n.plate === "user-movie");
  const claims: Claim[] = [];
  for (const i of indicators) {
    for (const x of variables) {
      const cond = dSeparation(g, [i.name], [x.name], movieNodes);
      if (cond.separated) {
        claims.push({ kind: "independent", indicator: i.name, variable: x.name, givenMovie: true, impliedBy: `${i.name} ⊥ ${x.name} | ${braces(movieNodes)}` });
      } else if (i.parents.includes(x.name)) {
        claims.push({ kind: "dependent", indicator: i.name, variable: x.name, givenMovie: true, impliedBy: `edge ${x.name} → ${i.name}` });
      }
      if (dSeparation(g, [i.name], [x.name], []).separated) {
        claims.push({ kind: "independent", indicator: i.name, variable: x.name, givenMovie: false, impliedBy: `${i.name} ⊥ ${x.name}` });
      }
    }
    if (movieNodes.length > 0) {
      const movieParents = i.parents.filter((p) => movieNodes.includes(p));
      if (dSeparation(g, [i.name], movieNodes, []).separated) {
        claims.push({ kind: "independent", indicator: i.name, variable: "movie", givenMovie: false, impliedBy: `${i.name} ⊥ ${braces(movieNodes)}` });
      } else if (movieParents.length > 0) {
        claims.push({ kind: "dependent", indicator: i.name, variable: "movie", givenMovie: false, impliedBy: movieParents.map((p) => `edge ${p} → ${i.name}`).join(", ") });
      }
    }
  }
  return { claims, movieLabel, movieNodes };
}
