/**
 * One CTAR dataset from a configuration and a base catalog: select the movies, run the m-graph
 * user by user (collecting only the observed rows and each user's liked tags), then build the test
 * sets. Pure: no files, no clock, no console (warnings go to the caller's `warn`).
 */
import type { BaseCatalog } from "../catalog/base-catalog.js";
import { type SelectedCatalog, selectMovies } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import type { NodeKernel } from "../mechanisms/mechanism.js";
import { type MechanismRegistry, builtinRegistry } from "../mechanisms/registry.js";
import { type MovieTags, expectMovieTags } from "../mechanisms/values.js";
import { ctarGraph } from "../presets/ctar.js";
import { SeedTree } from "../rng/stream.js";
import { type LikedTags, type TestSets, buildTestSets } from "../testsets/build-test-sets.js";
import { runGraph } from "./engine.js";
import { RowTable } from "./row-table.js";

export interface GenerateOptions {
  /** The graph to run (default: the CTAR preset with the configuration's parameters). */
  readonly graph?: MGraph;
  readonly registry?: MechanismRegistry;
  readonly warn?: (message: string) => void;
  /**
   * Called after each user with every node's value for that user and every node's kernel (for its
   * recorded truth, e.g. exact propensities). Rows are reused between users: read, do not keep.
   */
  readonly observeUser?: (user: number, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>) => void;
}

/** The tables every CTAR-layout dataset has, in internal ids. */
export const OBSERVED_TABLES = ["rating", "obstag", "rcttag", "dropped"] as const;
export type ObservedTable = (typeof OBSERVED_TABLES)[number];

export interface Dataset {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly catalog: SelectedCatalog;
  /** TM: the movies' tags (internal tag ids). */
  readonly movieTags: MovieTags;
  /** Internal tag id → released tag id (re-ranked by first appearance in movie.csv, reference §3). */
  readonly tagOutputId: Int32Array;
  /** Number of distinct tags in movie.csv (tags liked but on no movie get ids from here on). */
  readonly movieCsvTags: number;
  readonly tables: Readonly<Record<ObservedTable, RowTable>> & Readonly<Record<string, RowTable>>;
  readonly liked: LikedTags;
  readonly tests: TestSets;
  /** Movie-plate values of the run (e.g. Q) and each node's recorded truth. */
  readonly movieValues: ReadonlyMap<string, unknown>;
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  readonly warnings: readonly string[];
}

/** Re-ranks tags by first appearance in the movies' tag lists; the rest follow in internal order. */
export function tagOutputIds(tm: MovieTags, tagCount: number): { ids: Int32Array; inLists: number } {
  const ids = new Int32Array(tagCount).fill(-1);
  let next = 0;
  for (let i = 0; i < tm.tag.length; i++) {
    const t = tm.tag[i]!;
    if (ids[t] === -1) ids[t] = next++;
  }
  const inLists = next;
  for (let t = 0; t < tagCount; t++) if (ids[t] === -1) ids[t] = next++;
  return { ids, inLists };
}

export function generateDataset(config: CtarConfig, base: BaseCatalog, options: GenerateOptions = {}): Dataset {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.warn?.(m);
  };
  const graph = options.graph ?? ctarGraph(config);
  const registry = options.registry ?? builtinRegistry();
  const observe = options.observeUser;
  const catalog = selectMovies(base, config.movies);
  const dims = { users: config.users, movies: config.movies };

  const tables: Record<string, RowTable> = {};
  for (const t of OBSERVED_TABLES) tables[t] = new RowTable(4096);
  const emit = (table: string, a: number, b: number, c: number) => {
    let t = tables[table];
    if (t === undefined) {
      t = new RowTable(1024);
      tables[table] = t;
    }
    t.push(a, b, c);
  };

  const likedStart = new Int32Array(config.users + 1);
  let likedTag = new Int32Array(config.users * 16);
  let likedLen = 0;
  const tuNode = graph.nodes.find((n) => n.name === "TU");
  const onUser = (u: number, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>) => {
    const tu = tuNode ? values.get("TU") : undefined;
    if (tu instanceof Int32Array) {
      if (likedLen + tu.length > likedTag.length) {
        const g = new Int32Array(Math.max(likedTag.length * 2, likedLen + tu.length));
        g.set(likedTag);
        likedTag = g;
      }
      likedTag.set(tu, likedLen);
      likedLen += tu.length;
    }
    likedStart[u + 1] = likedLen;
    observe?.(u, values, kernels);
  };

  const run = runGraph({ graph, registry, dims, catalog, seed: config.seed, compat: config.compat, emit, warn, onUser });
  const tmValue = run.movieValues.get("TM");
  if (tmValue === undefined) throw new GraphError(`graph '${graph.name}': a CTAR-layout dataset needs a movie-plate node 'TM' with the movies' tags`);
  const movieTags = expectMovieTags(tmValue, "dataset", "TM");
  const tagCount = catalog.tagPopularity.length;
  const { ids, inLists } = tagOutputIds(movieTags, tagCount);
  const liked: LikedTags = { start: likedStart, tag: likedTag.slice(0, likedLen) };

  const seeds = new SeedTree(config.seed);
  const tests = buildTestSets({
    users: config.users,
    movies: config.movies,
    tagCount,
    tm: movieTags,
    ratings: tables.rating!,
    obstag: tables.obstag!,
    rcttag: tables.rcttag!,
    dropped: tables.dropped!,
    liked,
    test2: config.test2,
    test3: config.test3,
    compat: config.compat,
    rng2: seeds.stream("test-sets", "test2"),
    rng3: seeds.stream("test-sets", "test3"),
    warn,
  });
  return {
    config,
    graph,
    catalog,
    movieTags,
    tagOutputId: ids,
    movieCsvTags: inLists,
    tables: tables as Dataset["tables"],
    liked,
    tests,
    movieValues: run.movieValues,
    kernels: run.kernels,
    warnings,
  };
}
