/**
 * `ctar verify`'s core: regenerates the world of a configuration and graph with the streaming
 * engine (same seed ⇒ same world as `ctar generate`) and tests each claim of claims.ts at level
 * α with a Bonferroni correction over the claims tested; p-values from chi-square.ts.
 *
 *  - Pass 1 accumulates one contingency table per claim user by user through the engine's
 *    `onUser` hook (strata × categories × {I = 0, 1}; never a users × movies table).
 *  - Claims about a variable (I vs X, by movie or pooled) use the generalized CMH score with
 *    users as clusters (cluster-score.ts, Zhang & Boos 1997): every user contributes to every
 *    movie stratum, so the strata are not independent. Pass 2 regenerates the same world and
 *    adds each user's score vector, centred with pass 1's stratum proportions.
 *  - Claims about the movie (I vs movie, one stratum, a column per movie) use the generalized
 *    CMH statistic (cmh.ts): each user gives one unit per column, and a user-level effect on I
 *    shifts all columns alike, which the column contrasts the test uses cancel.
 * Pure: the catalog comes in, a report goes out.
 */
import type { BaseCatalog } from "../catalog/base-catalog.js";
import { selectMovies } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { runGraph } from "../generate/engine.js";
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { chiSquareSurvival } from "./chi-square.js";
import { type Claim, graphClaims } from "./claims.js";
import { type ClaimTable, ClaimTables, indicatorRow } from "./claim-tables.js";
import { ClusterScore } from "./cluster-score.js";
import { MIN_EXPECTED, mergeSparseColumns } from "./merge-columns.js";
import { cmhGeneralAssociation } from "./cmh.js";

export interface VerifyInput {
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  readonly config: CtarConfig;
  readonly catalog: BaseCatalog;
  /** Family-wise level (default 0.05), Bonferroni-corrected over the claims tested. */
  readonly alpha?: number;
  readonly warn?: (message: string) => void;
  /** Called after each user of each pass over the users (for a progress line). */
  readonly onProgress?: (users: number, pass: string) => void;
}

export type Verdict = "holds" | "VIOLATED" | "not detected" | "skipped";

export interface ClaimResult {
  readonly claim: Claim;
  /** The claim as printed, e.g. "R_R ⊥ R | M" or "R_O depends on |TL| | M". */
  readonly text: string;
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** "CMH" (generalized, hypergeometric variance) or "CMH-cluster" (users as clusters). */
  readonly test: "CMH" | "CMH-cluster" | "none";
  readonly verdict: Verdict;
  /** Why a claim was skipped (a value type the tests cannot summarise). */
  readonly note?: string;
}

export interface VerifyReport {
  readonly graph: string;
  readonly users: number;
  readonly movies: number;
  readonly seed: number;
  readonly alpha: number;
  /** α / (number of claims tested). */
  readonly threshold: number;
  readonly results: readonly ClaimResult[];
  /** Rows the regenerated world emitted, per table (to compare with the dataset's files). */
  readonly emitted: Readonly<Record<string, number>>;
  /** True when no implied independence is rejected. */
  readonly passed: boolean;
  readonly movieNodes: readonly string[];
  /** How the movie is named in the claims ("M"). */
  readonly movieLabel: string;
}

type UserHook = (u: number, values: ReadonlyMap<string, unknown>) => void;

/** Pass 2's state for one variable claim: its score, the merge of sparse columns, a column buffer. */
interface ScoredClaim {
  readonly score: ClusterScore;
  readonly map: Int32Array;
  readonly col: Int32Array;
}

export function verifyWorld(input: VerifyInput): VerifyReport {
  const { graph, registry, config } = input;
  const alpha = input.alpha ?? 0.05;
  const catalog = selectMovies(input.catalog, config.movies);
  const movies = config.movies;
  const { claims, movieLabel, movieNodes } = graphClaims(graph);
  const claimTables = new ClaimTables(claims, movies);
  const emitted: Record<string, number> = {};
  const run = (hook: UserHook, count: boolean, warn: (m: string) => void, pass: string) =>
    runGraph({
      graph,
      registry,
      dims: { users: config.users, movies },
      catalog,
      seed: config.seed,
      compat: config.compat,
      emit: count
        ? (table) => {
            emitted[table] = (emitted[table] ?? 0) + 1;
          }
        : () => {},
      warn,
      onUser: (u, values) => {
        hook(u, values);
        input.onProgress?.(u + 1, pass);
      },
    });
  run((_u, values) => claimTables.add(values), true, input.warn ?? (() => {}), "counting");
  const scores = clusterScores(claimTables, movies);
  if (scores.size > 0) run(scoreHook(claimTables, scores, movies), false, () => {}, "scores");

  const { tables, summaries } = claimTables;
  const tested = tables.filter((t) => t.skip === undefined).length;
  const threshold = tested > 0 ? alpha / tested : alpha;
  const results: ClaimResult[] = tables.map((t) => {
    const label = t.claim.variable === "movie" ? movieLabel : (summaries.get(t.claim.variable)?.label ?? t.claim.variable);
    return claimResult(t, label, movieLabel, scores.get(t), threshold);
  });
  return {
    graph: graph.name,
    users: config.users,
    movies,
    seed: config.seed,
    alpha,
    threshold,
    results,
    emitted,
    passed: results.every((r) => r.verdict !== "VIOLATED"),
    movieNodes,
    movieLabel,
  };
}

/** Pass 2's scores of the variable claims, on compact columns (those that occur in pass 1). */
function clusterScores(claimTables: ClaimTables, movies: number): Map<ClaimTable, ScoredClaim> {
  const scores = new Map<ClaimTable, ScoredClaim>();
  for (const t of claimTables.tables) {
    if (t.skip !== undefined || t.claim.variable === "movie") continue;
    const { map, columns: C } = mergeSparseColumns(t.ones, t.total, t.strata, t.columns, MIN_EXPECTED);
    const ones = new Float64Array(t.strata * C);
    const total = new Float64Array(t.strata * C);
    for (let h = 0; h < t.strata; h++) {
      for (let j = 0; j < t.columns; j++) {
        if (map[j]! < 0) continue;
        ones[h * C + map[j]!]! += t.ones[h * t.columns + j]!;
        total[h * C + map[j]!]! += t.total[h * t.columns + j]!;
      }
    }
    scores.set(t, { score: new ClusterScore(ones, total, t.strata, C), map, col: new Int32Array(movies) });
  }
  return scores;
}

/** Pass 2's per-user hook: adds each user's score vector to every scored claim. */
function scoreHook(claimTables: ClaimTables, scores: ReadonlyMap<ClaimTable, ScoredClaim>, movies: number): UserHook {
  return (_u, values) => {
    claimTables.summarise(values);
    for (const [t, sc] of scores) {
      const raw = claimTables.cats.get(t.claim.variable)!;
      for (let m = 0; m < movies; m++) sc.col[m] = sc.map[raw[m]!]!;
      sc.score.add(indicatorRow(values.get(t.claim.indicator), movies)!, sc.col, t.claim.givenMovie);
    }
  };
}

/** The verdict of one claim at the Bonferroni threshold. */
function claimResult(t: ClaimTable, label: string, movieLabel: string, sc: ScoredClaim | undefined, threshold: number): ClaimResult {
  const c = t.claim;
  const given = c.givenMovie ? ` | ${movieLabel}` : "";
  const text = c.kind === "independent" ? `${c.indicator} ⊥ ${label}${given}` : `${c.indicator} depends on ${label}${given}`;
  if (t.skip !== undefined) return { claim: c, text, statistic: Number.NaN, df: 0, p: Number.NaN, test: "none", verdict: "skipped", note: t.skip };
  const r = sc !== undefined ? sc.score.result() : cmhGeneralAssociation(t.ones, t.total, t.strata, t.columns);
  const p = chiSquareSurvival(r.statistic, r.df);
  const verdict: Verdict = c.kind === "independent" ? (p < threshold ? "VIOLATED" : "holds") : p < threshold ? "holds" : "not detected";
  return { claim: c, text, statistic: r.statistic, df: r.df, p, test: sc !== undefined ? "CMH-cluster" : "CMH", verdict };
}
