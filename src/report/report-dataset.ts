/**
 * A dataset as the report and the explorer read it (src/io/dataset/read-report-dataset.ts fills it): the
 * folder's tables, the same files as label sets, config.json and the recorded ground truth.
 */
import type { BenchDataset } from "../bench/dataset.js";
import type { CtarFolder } from "../stats/ctar-folder.js";

export interface ReportTruth {
  /** truth/movie.csv: popularity rank and exact P(R_R = 1) of each movie (NaN where the graph defines none). */
  readonly movieRank: Float64Array;
  readonly pRating: Float64Array;
  /** truth/user_tag.csv: τ(u, t) of every liked tag. */
  readonly tau: Float64Array;
  /** truth/full.csv.gz (only with `--truth full`): mean exact P(R_O = 1) over users, per movie id. */
  readonly pObsTagByMovie?: Float64Array;
}

export interface ReportDataset {
  readonly dir: string;
  readonly folder: CtarFolder;
  /** The same files as training and test label sets (ObsTag, RCTTag, their union, Test I–III). */
  readonly labels: BenchDataset;
  /** config.json as written by `ctar generate`, when present (the released CTAR has none). */
  readonly card?: Readonly<Record<string, unknown>>;
  readonly truth?: ReportTruth;
}
