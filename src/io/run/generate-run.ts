/**
 * io/run/ — generating: a dataset written from its inputs, the user pass on worker threads, the
 * files streamed in user order, the finishing step (test sets, truth, artifact), shards and `merge`
 * (parts), replicate worlds.
 *
 * A dataset written from its inputs: the world is set up on this thread (its warnings are the
 * run's), the users are generated in blocks by the user pass (inline or on worker threads) and
 * streamed to the files in user order, then the dataset is finished (finish-dataset.ts). A shard
 * writes only its users' streamed files, headerless, plus what `merge` needs (parts.ts).
 */
import { selectMovies } from "../../catalog/select-movies.js";
import type { CtarConfig } from "../../config/ctar-config.js";
import type { MGraph } from "../../graph/mgraph.js";
import type { MechanismRegistry } from "../../mechanisms/registry.js";
import { World } from "../../generate/world.js";
import type { UserRange } from "../../generate/plan.js";
import { writeArtifacts } from "../dataset/dataset-artifact.js";
import { type DatasetFormat, applyFormat } from "../dataset/dataset-formats.js";
import { type DatasetFiles, finishDataset } from "./finish-dataset.js";
import { resolveCatalog } from "../inputs/resolve-catalog.js";
import { StreamedFiles } from "./streamed-files.js";
import { type VariantOptions, checkVariantOptions, variantStreamedFiles } from "../../generate/variant-tables.js";
import { type UserPass, runUserPass } from "./pass/user-pass.js";
import type { SelectedCatalog } from "../../catalog/select-movies.js";

export interface RunInputs {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  /** The graph file's mechanism modules (absolute paths), which every worker imports. */
  readonly modules: readonly string[];
  /** Who the modules came from, for messages (the graph file). */
  readonly source: string;
  readonly truth: "basic" | "full";
  /** `--propensity`: an uplift world also writes every pair's P(T = 1) (generate/variant-tables.ts). */
  readonly propensity?: boolean;
  /** Table files: CSV (default), Parquet, or both. */
  readonly format?: DatasetFormat;
  /** Extra config.json fields (truth level, interventions, graph file …). */
  readonly record: Readonly<Record<string, unknown>>;
}

export interface RunOptions {
  /** Worker threads (see pass/user-pass.ts); undefined: automatic. */
  readonly workers?: number;
  readonly warn?: (message: string) => void;
  readonly onProgress?: (usersDone: number, stage: string) => void;
  /** The date the card and croissant.json state (default: today, or SOURCE_DATE_EPOCH). */
  readonly date?: string;
  /** The selected catalog, when the caller has it already. */
  readonly catalog?: SelectedCatalog;
}

export interface WrittenPass {
  readonly world: World;
  readonly files: StreamedFiles;
  /** A variant world's streamed files (generate/variant-tables.ts). */
  readonly variantFiles: readonly string[];
  /** The pass's tallies and its workers, still up for the test-set draws until closed. */
  readonly pass: UserPass;
  readonly warnings: string[];
  readonly warn: (message: string) => void;
}

/** Sets up the world and streams users [range) into `dir`. */
export async function writeUsers(dir: string, inputs: RunInputs, range: UserRange, headers: boolean, options: RunOptions): Promise<WrittenPass> {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.warn?.(m);
  };
  const catalog = options.catalog ?? selectMovies(resolveCatalog(inputs.config), inputs.config.movies);
  const worldInput = { config: inputs.config, catalog, graph: inputs.graph, registry: inputs.registry, warn };
  const world = new World(worldInput);
  const variant = variantOptionsOf(inputs);
  checkVariantOptions(inputs.graph, inputs.registry, variant);
  const variantFiles = variantStreamedFiles(inputs.graph, inputs.registry, variant);
  const files = new StreamedFiles(dir, range.from, range.to, { headers, fullTruth: inputs.truth === "full", variantFiles });
  let pass: UserPass;
  try {
    pass = await runUserPass({
      world: worldInput,
      main: world,
      modules: inputs.modules,
      source: inputs.source,
      range,
      workers: options.workers,
      fullTruth: inputs.truth === "full",
      variant,
      onBlock: (b) => files.append(b),
      onProgress: (n) => options.onProgress?.(n, "users"),
    });
  } finally {
    files.close();
  }
  return { world, files, variantFiles, pass, warnings, warn };
}

/** The variant tables' options of a run. */
export function variantOptionsOf(inputs: Pick<RunInputs, "propensity">): VariantOptions {
  return { propensity: inputs.propensity === true };
}

/** ratingStart[u] = Σ_{v<u} counts[v]. */
export function prefixCounts(counts: Int32Array): Float64Array {
  const out = new Float64Array(counts.length + 1);
  for (let u = 0; u < counts.length; u++) out[u + 1] = out[u]! + counts[u]!;
  return out;
}

/** Writes the whole dataset into `dir` (an empty folder). */
export async function generateInto(dir: string, inputs: RunInputs, options: RunOptions): Promise<{ files: DatasetFiles; warnings: readonly string[] }> {
  const pass = await writeUsers(dir, inputs, { from: 0, to: inputs.config.users }, true, options);
  const digests = pass.files.digests();
  let files: DatasetFiles;
  try {
    files = await finishDataset({
      dir,
      world: pass.world,
      pass: { ratingStart: prefixCounts(pass.files.ratingCounts), pools: pass.files.pools, tallies: pass.pass.tallies, rows: pass.files.rows },
      warnings: pass.warnings,
      warn: pass.warn,
      record: inputs.record,
      digests,
      regenerate: pass.pass.regenerate,
      onProgress: (stage) => options.onProgress?.(inputs.config.users, stage),
    });
    // the workers' kernels finish after their last user (the blocks, then the draws' users)
    await pass.pass.close();
  } finally {
    pass.pass.abort();
  }
  // after the last user this thread's engine ran (the pass inline, then the test-set draws)
  pass.world.engine.finish();
  const converted = await applyFormat(dir, inputs.format ?? "csv", inputs.graph, (t) => options.onProgress?.(inputs.config.users, `Parquet: ${t}`));
  options.onProgress?.(inputs.config.users, "card and checksums");
  writeArtifacts(dir, options.date, digests);
  return { files: converted ?? files, warnings: pass.warnings };
}
