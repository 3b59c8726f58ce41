/**
 * A CTAR dataset as the bench needs it, already parsed: the training labels, the four test sets
 * and, when the dataset has `truth/liked_tags.csv`, the true liked-tag indicator τ′(u, t) of the
 * paper's Eq. 2 over every user and every catalog tag. Read from a folder
 * (src/io/dataset/read-bench-dataset.ts) or built from a dataset in memory (from-dataset.ts). Plain data
 * (typed arrays), so it can be posted to worker threads.
 */
import type { MovieTags } from "../catalog/movie-tags.js";
import type { LabelSet } from "../labels/label-set.js";
import type { TrainingLabels } from "../labels/training-labels.js";

/** The test sets of a CTAR dataset, in the order of Table 3. */
export const TEST_SETS = ["I", "II", "III", "all"] as const;
export type TestSetName = (typeof TEST_SETS)[number];

export interface BenchDataset {
  /** users: config.json's users when recorded, else max user id + 1 over the train files. */
  readonly users: number;
  /** tags = max tag id + 1 over movie.csv's tag lists. */
  readonly tags: number;
  /** The distinct tag ids appearing in movie.csv, ascending. */
  readonly catalogTags: Int32Array;
  readonly labels: TrainingLabels;
  /** test_1, test_2, test_3 and test, rows as given (not deduplicated). */
  readonly tests: Readonly<Record<TestSetName, LabelSet>>;
  /**
   * Population pairs with their true label (every user × every catalog tag, label 1 iff the user
   * likes the tag), present only when the dataset has truth/liked_tags.csv.
   */
  readonly truth?: LabelSet;
}

/** tags = max tag id + 1 over the movies' tag lists, and the distinct ids there, ascending. */
export function catalogTagsOf(movies: MovieTags): { readonly tags: number; readonly catalogTags: Int32Array } {
  let tags = 0;
  for (const t of movies.tag) if (t + 1 > tags) tags = t + 1;
  const present = new Uint8Array(tags);
  for (const t of movies.tag) present[t] = 1;
  const catalog: number[] = [];
  for (let t = 0; t < tags; t++) if (present[t] === 1) catalog.push(t);
  return { tags, catalogTags: Int32Array.from(catalog) };
}
