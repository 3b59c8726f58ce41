/**
 * A bench over several worlds (the replicates of one configuration, or the worlds of a sweep):
 * each world is benched as one dataset is, and its runs (the task's one-row-per-(model, run)
 * table) are summarised here. Per world and model: the mean over runs and the run-to-run sample
 * sd. Over the worlds: the mean and sample sd (divisor K − 1) of the per-world means — the
 * world-to-world spread a paper reports beside the run-to-run one — and the run-to-run sd pooled
 * over the worlds, √(Σ_w Σ_r (x_wr − x̄_w)² / Σ_w (n_w − 1)). A figure a world lacks (a model it
 * could not run, an undefined metric) is left out of that figure's mean and counted in `worlds`.
 * Pure: strings and numbers in, values out.
 */
import { meanSd } from "./summary.js";

/** One model's runs: `runs[r][j]` is metric j of run r (null where undefined). */
export interface ModelRuns {
  readonly name: string;
  readonly runs: readonly (readonly (number | null)[])[];
}

/** A world's runs table: the metric keys (its columns) and each model's runs. */
export interface RunTable {
  readonly metrics: readonly string[];
  readonly models: readonly ModelRuns[];
}

/** A world of the set: its folder, the seed (replicates) or value (sweep) that made it, and its runs. */
export interface WorldRuns {
  readonly folder: string;
  readonly seed?: number;
  readonly value?: number;
  readonly table: RunTable;
}

/** One world's figure for one model and metric. */
export interface WorldFigure {
  /** Mean over the runs. */
  readonly mean: number;
  /** Run-to-run sample sd; null with a single run. */
  readonly runSd: number | null;
  readonly runs: number;
}

/** One figure over the worlds. */
export interface OverWorldsFigure {
  /** Mean over worlds of the per-world means. */
  readonly mean: number;
  /** World-to-world sample sd of the per-world means; null with a single world. */
  readonly sd: number | null;
  /** Run-to-run sd pooled over the worlds; null when no world has two runs. */
  readonly runSd: number | null;
  /** Worlds with this figure. */
  readonly worlds: number;
}

export type Figures<F> = Readonly<Record<string, F | null>>;

export interface OverWorlds {
  /** Metric keys, in the order of the first world that has them. */
  readonly metrics: readonly string[];
  /** Model names, in the order of the first world that has them. */
  readonly models: readonly string[];
  readonly worlds: readonly { readonly folder: string; readonly seed?: number; readonly value?: number; readonly models: readonly { readonly name: string; readonly figures: Figures<WorldFigure> }[] }[];
  readonly overall: readonly { readonly name: string; readonly figures: Figures<OverWorldsFigure> }[];
}

/**
 * A task's runs CSV (`model,run,<metric keys>`; the first column may have another name, e.g.
 * `estimator`), as the bench writes it: empty cells are null. Runs are in file order.
 */
export function parseRunsCsv(csv: string): RunTable {
  const lines = csv.split("\n").filter((l) => l.length > 0);
  const head = (lines[0] ?? "").split(",");
  if (head.length < 2 || head[1] !== "run") throw new Error(`parseRunsCsv: expected a header 'model,run,…' (got '${lines[0] ?? ""}')`);
  const metrics = head.slice(2);
  const models: { name: string; runs: (number | null)[][] }[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    if (cells.length !== head.length) throw new Error(`parseRunsCsv: ${cells.length} cells for ${head.length} columns in '${line}'`);
    const name = cells[0]!;
    let m = models.find((x) => x.name === name);
    if (m === undefined) models.push((m = { name, runs: [] }));
    m.runs.push(cells.slice(2).map((c) => (c === "" ? null : Number(c))));
  }
  return { metrics, models };
}

function unionInOrder(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const x of l) if (!out.includes(x)) out.push(x);
  return out;
}

/** The runs of one model and metric in one world (non-null values, in run order). */
function runValues(table: RunTable, model: string, metric: string): number[] {
  const j = table.metrics.indexOf(metric);
  const m = table.models.find((x) => x.name === model);
  if (j < 0 || m === undefined) return [];
  return m.runs.map((r) => r[j] ?? null).filter((x): x is number => x !== null);
}

function worldFigure(xs: readonly number[]): WorldFigure | null {
  const s = meanSd(xs);
  return s === null ? null : { mean: s.mean, runSd: s.sd, runs: s.n };
}

/** Mean ± sd over worlds of the per-world means, and the pooled run-to-run sd. */
export function overWorldsFigure(perWorldRuns: readonly (readonly number[])[]): OverWorldsFigure | null {
  const present = perWorldRuns.filter((xs) => xs.length > 0);
  const s = meanSd(present.map((xs) => meanSd(xs)!.mean));
  if (s === null) return null;
  let ss = 0;
  let df = 0;
  for (const xs of present) {
    const m = meanSd(xs)!.mean;
    for (const x of xs) ss += (x - m) * (x - m);
    df += xs.length - 1;
  }
  return { mean: s.mean, sd: s.sd, runSd: df > 0 ? Math.sqrt(ss / df) : null, worlds: s.n };
}

export function summariseOverWorlds(worlds: readonly WorldRuns[]): OverWorlds {
  if (worlds.length === 0) throw new RangeError("summariseOverWorlds: no worlds");
  const metrics = unionInOrder(worlds.map((w) => w.table.metrics));
  const models = unionInOrder(worlds.map((w) => w.table.models.map((m) => m.name)));
  const figuresOf = <F>(f: (metric: string) => F | null): Figures<F> => Object.fromEntries(metrics.map((k) => [k, f(k)]));
  return {
    metrics,
    models,
    worlds: worlds.map((w) => ({
      folder: w.folder,
      ...(w.seed === undefined ? {} : { seed: w.seed }),
      ...(w.value === undefined ? {} : { value: w.value }),
      models: models.map((name) => ({ name, figures: figuresOf((k) => worldFigure(runValues(w.table, name, k))) })),
    })),
    overall: models.map((name) => ({ name, figures: figuresOf((k) => overWorldsFigure(worlds.map((w) => runValues(w.table, name, k)))) })),
  };
}

/**
 * The metric a sweep's table shows by default: the task's first metric against the population
 * truth (a key `population…` or `pop_…`, e.g. the tags task's population_mse, the ratings task's
 * pop_risk), else its first.
 */
export function defaultSweepMetric(metrics: readonly string[]): string {
  return metrics.find((k) => /^(population|pop_)/.test(k)) ?? metrics[0]!;
}

/** All worlds' runs as one CSV: `world,model,run,<metrics>`. */
export function overWorldsCsv(worlds: readonly WorldRuns[], metrics: readonly string[]): string {
  const rows = [["world", "model", "run", ...metrics].join(",")];
  for (const w of worlds) {
    for (const m of w.table.models) {
      m.runs.forEach((r, run) => rows.push([w.folder, m.name, String(run), ...metrics.map((k) => {
        const j = w.table.metrics.indexOf(k);
        const x = j < 0 ? null : r[j];
        return x == null ? "" : String(x);
      })].join(",")));
    }
  }
  return `${rows.join("\n")}\n`;
}
