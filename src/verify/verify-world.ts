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
import { popcount } from "../mechanisms/values.js";
import { chiSquareSurvival } from "./chi-square.js";
import { type Claim, graphClaims } from "./claims.js";
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

/** A per-movie categorical summary of one user's value of a node, or undefined when the value type is not supported. */
interface Summary {
  readonly label: string;
  readonly categories: number;
  fill(value: unknown, out: Int32Array): void;
}

const LO = -16;
const HI = 16;
const MAX_TL = 4;

function summaryOf(name: string, v: unknown, movies: number): Summary | undefined {
  if (typeof v === "object" && v !== null && (v as { mask?: unknown }).mask instanceof Uint32Array) {
    return {
      label: `|${name}|`,
      categories: MAX_TL + 1,
      fill: (x, out) => {
        const mask = (x as { mask: Uint32Array }).mask;
        for (let m = 0; m < movies; m++) out[m] = Math.min(MAX_TL, popcount(mask[m]!));
      },
    };
  }
  if ((v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array) && v.length === movies) {
    return {
      label: name,
      categories: HI - LO + 1,
      fill: (x, out) => {
        const row = x as Float64Array;
        for (let m = 0; m < movies; m++) {
          const r = Math.round(row[m]!);
          out[m] = (r < LO ? LO : r > HI ? HI : r) - LO;
        }
      },
    };
  }
  return undefined;
}

/** The 0/1 row of an indicator value (a Uint8Array, or an observation row like R_O's), or undefined. */
function indicatorRow(v: unknown, movies: number): Uint8Array | undefined {
  if (v instanceof Uint8Array && v.length === movies) return v;
  const o = (v as { observed?: unknown } | null)?.observed;
  if (o instanceof Uint8Array && o.length === movies) return o;
  return undefined;
}

interface Table {
  readonly claim: Claim;
  strata: number;
  columns: number;
  ones: Float64Array;
  total: Float64Array;
  skip?: string;
}

export function verifyWorld(input: VerifyInput): VerifyReport {
  const { graph, registry, config } = input;
  const alpha = input.alpha ?? 0.05;
  const catalog = selectMovies(input.catalog, config.movies);
  const movies = config.movies;
  const { claims, movieLabel, movieNodes } = graphClaims(graph);
  const tables: Table[] = claims.map((claim) => ({ claim, strata: 0, columns: 0, ones: new Float64Array(0), total: new Float64Array(0) }));
  const summaries = new Map<string, Summary | undefined>();
  const cats = new Map<string, Int32Array>();
  const variables = [...new Set(claims.filter((c) => c.variable !== "movie").map((c) => c.variable))];
  const indicators = [...new Set(claims.map((c) => c.indicator))];
  const movieColumn = Int32Array.from({ length: movies }, (_, m) => m);
  let ready = false;

  const prepare = (values: ReadonlyMap<string, unknown>) => {
    for (const x of variables) {
      const s = summaryOf(x, values.get(x), movies);
      summaries.set(x, s);
      if (s !== undefined) cats.set(x, new Int32Array(movies));
    }
    for (const t of tables) {
      const c = t.claim;
      if (indicatorRow(values.get(c.indicator), movies) === undefined) {
        t.skip = `the value of ${c.indicator} is not a 0/1 row over the movies`;
        continue;
      }
      const s = c.variable === "movie" ? undefined : summaries.get(c.variable);
      if (c.variable !== "movie" && s === undefined) {
        t.skip = `the value of ${c.variable} is not a numeric row or a tag set over the movies`;
        continue;
      }
      t.strata = c.givenMovie ? movies : 1;
      t.columns = c.variable === "movie" ? movies : s!.categories;
      t.ones = new Float64Array(t.strata * t.columns);
      t.total = new Float64Array(t.strata * t.columns);
    }
    ready = true;
  };

  const onUser = (_u: number, values: ReadonlyMap<string, unknown>) => {
    if (!ready) prepare(values);
    for (const x of variables) {
      const s = summaries.get(x);
      if (s !== undefined) s.fill(values.get(x), cats.get(x)!);
    }
    const rows = new Map<string, Uint8Array | undefined>(indicators.map((i) => [i, indicatorRow(values.get(i), movies)]));
    for (const t of tables) {
      if (t.skip !== undefined) continue;
      const ind = rows.get(t.claim.indicator)!;
      const col = t.claim.variable === "movie" ? movieColumn : cats.get(t.claim.variable)!;
      const C = t.columns;
      const stride = t.claim.givenMovie ? C : 0;
      const { ones, total } = t;
      for (let m = 0; m < movies; m++) {
        const k = m * stride + col[m]!;
        total[k]!++;
        ones[k]! += ind[m]!;
      }
    }
  };

  const emitted: Record<string, number> = {};
  const run = (hook: (u: number, values: ReadonlyMap<string, unknown>) => void, count: boolean, warn: (m: string) => void) =>
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
      onUser: hook,
    });
  run(onUser, true, input.warn ?? (() => {}));

  // Pass 2: the per-user scores of the variable claims, on compact columns (those that occur).
  const scored = tables.filter((t) => t.skip === undefined && t.claim.variable !== "movie");
  const scores = new Map<Table, { score: ClusterScore; map: Int32Array; col: Int32Array }>();
  for (const t of scored) {
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
  if (scored.length > 0) {
    run(
      (_u, values) => {
        for (const x of variables) {
          const sx = summaries.get(x);
          if (sx !== undefined) sx.fill(values.get(x), cats.get(x)!);
        }
        for (const t of scored) {
          const sc = scores.get(t)!;
          const raw = cats.get(t.claim.variable)!;
          for (let m = 0; m < movies; m++) sc.col[m] = sc.map[raw[m]!]!;
          sc.score.add(indicatorRow(values.get(t.claim.indicator), movies)!, sc.col, t.claim.givenMovie);
        }
      },
      false,
      () => {},
    );
  }

  const tested = tables.filter((t) => t.skip === undefined).length;
  const threshold = tested > 0 ? alpha / tested : alpha;
  const results: ClaimResult[] = tables.map((t) => {
    const c = t.claim;
    const label = c.variable === "movie" ? movieLabel : (summaries.get(c.variable)?.label ?? c.variable);
    const given = c.givenMovie ? ` | ${movieLabel}` : "";
    const text = c.kind === "independent" ? `${c.indicator} ⊥ ${label}${given}` : `${c.indicator} depends on ${label}${given}`;
    if (t.skip !== undefined) return { claim: c, text, statistic: Number.NaN, df: 0, p: Number.NaN, test: "none", verdict: "skipped", note: t.skip };
    const sc = scores.get(t);
    const r = sc !== undefined ? sc.score.result() : cmhGeneralAssociation(t.ones, t.total, t.strata, t.columns);
    const p = chiSquareSurvival(r.statistic, r.df);
    const verdict: Verdict = c.kind === "independent" ? (p < threshold ? "VIOLATED" : "holds") : p < threshold ? "holds" : "not detected";
    return { claim: c, text, statistic: r.statistic, df: r.df, p, test: sc !== undefined ? "CMH-cluster" : "CMH", verdict };
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
