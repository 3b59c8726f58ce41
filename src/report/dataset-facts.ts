/**
 * What the dataset card and croissant.json say about a finished dataset folder, gathered by
 * src/io/dataset/dataset-artifact.ts from config.json and the files: plain values, so that both
 * documents are built by pure functions and can be rebuilt byte for byte by `ctar validate`.
 */
import type { MGraph } from "../graph/mgraph.js";
import type { LayoutTable } from "../generate/dataset-layout.js";

export interface DatasetFile {
  /** Path relative to the folder, with `/` separators. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly format: "csv" | "csv.gz" | "parquet" | "json" | "markdown";
  /** Rows, from config.json (data files only). */
  readonly rows?: number;
}

export interface DatasetTablePresence {
  readonly table: LayoutTable;
  /** The table's files (CSV and/or Parquet) present in the folder. */
  readonly files: readonly DatasetFile[];
}

export interface DatasetFacts {
  readonly version: string;
  readonly seed: number;
  readonly users: number;
  readonly movies: number;
  /** config.json's `config`: the resolved configuration. */
  readonly config: Readonly<Record<string, unknown>>;
  /** config.json's `catalog`: `builtin:seed=…` or the catalog folder. */
  readonly catalog: string;
  readonly compat: string;
  readonly graph: MGraph;
  readonly interventions: readonly string[];
  readonly warnings: readonly string[];
  readonly tables: readonly DatasetTablePresence[];
  /** The day the card and croissant.json were written, YYYY-MM-DD. */
  readonly date: string;
}

export const PAPER_URL = "https://arxiv.org/abs/2202.11351";

export const PAPER_BIBTEX = `@article{lyu2022ctar,
  title   = {A Semi-Synthetic Dataset Generation Framework for Causal Inference in Recommender Systems},
  author  = {Lyu and Dai and others},
  journal = {arXiv preprint arXiv:2202.11351},
  year    = {2022}
}`;

export function ctarBibtex(version: string): string {
  return `@software{ctar,
  title   = {ctar: semi-synthetic recommender datasets from a causal graph with missingness},
  version = {${version}},
  note    = {An implementation of the CTAR framework (arXiv:2202.11351)}
}`;
}

/** A short name of the dataset, e.g. `ctar-9527-1000x1000`. */
export function datasetName(f: DatasetFacts): string {
  return `ctar-${f.seed}-${f.users}x${f.movies}${f.interventions.length > 0 ? "-do" : ""}`;
}

/** The licence of the base data: ctar's MIT for its built-in catalog, the authors' MIT for theirs. */
export function baseDataLicence(f: DatasetFacts): string {
  if (f.catalog.startsWith("builtin")) return "the built-in synthetic catalog, made by ctar itself from a seed (no third-party data); MIT, as ctar";
  return `the CTAR authors' base movie data (movie_rating.csv, movie_tag_ct.csv) from ${f.catalog}, MIT licence (Lyu, Dai et al.)`;
}
