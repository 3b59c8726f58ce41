/**
 * `ctar verify`'s core: regenerates the world of a configuration and graph with the streaming
 * engine (same seed ⇒ same world as `ctar generate`), accumulates one contingency table per
 * claim user by user through the engine's `onUser` hook (strata × categories × {I = 0, 1}; never
 * a users × movies table), and tests each claim of claims.ts with the generalized
 * Cochran–Mantel–Haenszel statistic (cmh.ts) and its χ² p-value (chi-square.ts), at level α
 * with a Bonferroni correction over the claims tested. Pure: the catalog comes in, a report
 * goes out.
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
  runGraph({
    graph,
    registry,
    dims: { users: config.users, movies },
    catalog,
    seed: config.seed,
    compat: config.compat,
    emit: (table) => {
      emitted[table] = (emitted[table] ?? 0) + 1;
    },
    warn: input.warn ?? (() => {}),
    onUser,
  });

  const tested = tables.filter((t) => t.skip === undefined).length;
  const threshold = tested > 0 ? alpha / tested : alpha;
  const results: ClaimResult[] = tables.map((t) => {
    const c = t.claim;
    const label = c.variable === "movie" ? movieLabel : (summaries.get(c.variable)?.label ?? c.variable);
    const given = c.givenMovie ? ` | ${movieLabel}` : "";
    const text = c.kind === "independent" ? `${c.indicator} ⊥ ${label}${given}` : `${c.indicator} depends on ${label}${given}`;
    if (t.skip !== undefined) return { claim: c, text, statistic: Number.NaN, df: 0, p: Number.NaN, verdict: "skipped", note: t.skip };
    const r = cmhGeneralAssociation(t.ones, t.total, t.strata, t.columns);
    const p = chiSquareSurvival(r.statistic, r.df);
    const verdict: Verdict = c.kind === "independent" ? (p < threshold ? "VIOLATED" : "holds") : p < threshold ? "holds" : "not detected";
    return { claim: c, text, statistic: r.statistic, df: r.df, p, verdict };
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
  };
}
