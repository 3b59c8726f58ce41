/**
 * One CTAR dataset in memory, for the library and for analyses at modest sizes: the same world,
 * blocks and test-set draws as the streamed writer, with the observed rows and the tests kept as
 * typed tables. Pure: no files, no clock, no console (warnings go to the caller's `warn`). For
 * datasets of any size, write them instead (`ctar generate`, or `saveDataset`), which streams.
 */
import type { BaseCatalog } from "../catalog/base-catalog.js";
import { type SelectedCatalog, selectMovies } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import type { MGraph } from "../graph/mgraph.js";
import type { NodeKernel } from "../mechanisms/mechanism.js";
import { type MechanismRegistry, builtinRegistry } from "../mechanisms/registry.js";
import type { MovieTags } from "../catalog/movie-tags.js";
import { ctarGraph } from "../presets/ctar.js";
import { SeedTree } from "../rng/stream.js";
import { drawTestSets } from "../testsets/build-test-sets.js";
import { type LabelSet, concatLabelSets } from "../labels/label-set.js";
import { testOneSet } from "../testsets/test-one.js";
import { BlockRunner } from "./block.js";
import { RowTable } from "./row-table.js";
import { EMITTED_TABLES, type EmittedTable } from "../mechanisms/user-rows.js";
import { World, tagOutputIds } from "./world.js";

export { tagOutputIds };

export interface GenerateOptions {
  /** The graph to run (default: the CTAR preset with the configuration's parameters). */
  readonly graph?: MGraph;
  readonly registry?: MechanismRegistry;
  readonly warn?: (message: string) => void;
  /** Called after each user with every node's value (rows are reused between users: read, do not keep). */
  readonly observeUser?: (user: number, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>) => void;
}

/** The tables every CTAR-layout dataset has, in internal ids. */
export const OBSERVED_TABLES = EMITTED_TABLES;
export type ObservedTable = EmittedTable;

export interface LikedTags {
  /** Liked tags of user u: tag[start[u] .. start[u+1]). */
  readonly start: Int32Array;
  readonly tag: Int32Array;
}

export interface TestSets {
  readonly test1: LabelSet;
  readonly test2: LabelSet;
  readonly test3: LabelSet;
  readonly test: LabelSet;
}

export interface Dataset {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  readonly catalog: SelectedCatalog;
  /** TM: the movies' tags (internal tag ids). */
  readonly movieTags: MovieTags;
  /** Internal tag id → released tag id (re-ranked by first appearance in movie.csv). */
  readonly tagOutputId: Int32Array;
  /** Number of distinct tags in movie.csv (tags liked but on no movie get ids from here on). */
  readonly movieCsvTags: number;
  readonly tables: Readonly<Record<ObservedTable, RowTable>>;
  readonly liked: LikedTags;
  readonly tests: TestSets;
  /** Movie-plate values of the run (e.g. Q) and each node's recorded truth. */
  readonly movieValues: ReadonlyMap<string, unknown>;
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  readonly warnings: readonly string[];
}

export function generateDataset(config: CtarConfig, base: BaseCatalog, options: GenerateOptions = {}): Dataset {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.warn?.(m);
  };
  const graph = options.graph ?? ctarGraph(config);
  const registry = options.registry ?? builtinRegistry();
  const catalog = selectMovies(base, config.movies);
  const world = new World({ config, catalog, graph, registry, warn });
  const tables = Object.fromEntries(OBSERVED_TABLES.map((t) => [t, new RowTable(4096)])) as Record<ObservedTable, RowTable>;
  const likedStart = new Int32Array(config.users + 1);
  const likedTags: number[] = [];
  const t1u: number[] = [];
  const t1t: number[] = [];
  const runner = new BlockRunner(world, false, (u, rows, flags, values) => {
    for (const t of OBSERVED_TABLES) {
      const r = rows[t];
      for (let i = 0; i < r.length; i++) tables[t].push(u, r.movie[i]!, r.value[i]!);
    }
    for (let i = 0; i < flags.test1Length; i++) {
      t1u.push(u);
      t1t.push(flags.test1[i]!);
    }
    const tu = world.likedNode === undefined ? undefined : values.get(world.likedNode);
    if (tu instanceof Int32Array) for (const t of tu) likedTags.push(t);
    likedStart[u + 1] = likedTags.length;
    options.observeUser?.(u, values, world.engine.kernels);
  });
  const block = runner.run(0, config.users);
  for (const [name, k] of world.engine.kernels) {
    const s = k.summary?.(k.tally ?? {});
    if (s !== undefined) warn(s);
  }
  const ratingStart = new Float64Array(config.users + 1);
  for (let u = 0; u < config.users; u++) ratingStart[u + 1] = ratingStart[u]! + block.ratingCounts[u]!;
  const seeds = new SeedTree(config.seed);
  const drawn = drawTestSets({
    world,
    ratingStart,
    pools: block.pools,
    test2: config.test2,
    test3: config.test3,
    rng2: seeds.stream("test-sets", "test2"),
    rng3: seeds.stream("test-sets", "test3"),
    warn,
  });
  const test1 = testOneSet(t1u, t1t);
  return {
    config,
    graph,
    registry,
    catalog,
    movieTags: world.movieTags,
    tagOutputId: world.tagOutputId,
    movieCsvTags: world.movieCsvTags,
    tables,
    liked: { start: likedStart, tag: Int32Array.from(likedTags) },
    tests: { test1, test2: drawn.test2, test3: drawn.test3, test: concatLabelSets(test1, drawn.test2, drawn.test3) },
    movieValues: world.engine.movieValues,
    kernels: world.engine.kernels,
    warnings,
  };
}
