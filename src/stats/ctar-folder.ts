/**
 * A dataset folder in the CTAR layout as typed columns (released ids): what src/io/dataset/read-dataset.ts
 * reads and what the dataset figures (dataset-stats.ts) and the report are computed from.
 */

export interface IntTable {
  readonly rows: number;
  readonly cols: Int32Array[];
}

export interface CtarFolder {
  readonly dir: string;
  /** movie.csv: each movie's tag list (released ids). */
  readonly movieTags: Int32Array[];
  readonly rating: IntTable;
  readonly obstag: IntTable;
  readonly rcttag: IntTable;
  /** Test files present, by name (test_1, test_2, test_3, test). */
  readonly tests: Readonly<Record<string, IntTable>>;
}
