/**
 * The bench's view of a dataset generated in memory (`generate()`), without writing and reading
 * back CSV: the same `BenchDataset` that src/io/dataset/read-bench-dataset.ts reads from the folder
 * `saveDataset` writes for it — released tag ids (re-ranked by first appearance in movie.csv), the
 * rows in file order, users = the configuration's users, τ′ from the users' liked tags.
 */
import type { MovieTags } from "../catalog/movie-tags.js";
import type { Dataset } from "../generate/generate.js";
import type { RowTable } from "../generate/row-table.js";
import type { LabelSet } from "../labels/label-set.js";
import { type TagFeedback, trainingLabels } from "../labels/training-labels.js";
import { type BenchDataset, type TestSetName, catalogTagsOf } from "./dataset.js";
import { TRUTH_PAIRS_MAX, likedTagTruth } from "./liked-truth.js";

/** A tag-feedback table (obstag, rcttag) with its tags as released ids (−1: no liked tag). */
function feedback(t: RowTable, id: Int32Array): TagFeedback {
  const n = t.length;
  return { n, user: t.a.slice(0, n), movie: t.b.slice(0, n), tag: Int32Array.from(t.c.subarray(0, n), (v) => (v < 0 ? -1 : id[v]!)) };
}

function labelSet(t: LabelSet, id: Int32Array): LabelSet {
  return { n: t.n, user: t.user.slice(0, t.n), tag: Int32Array.from(t.tag.subarray(0, t.n), (v) => id[v]!), label: t.label.slice(0, t.n) };
}

/**
 * The bench dataset of `d`. τ′ is left out when users × catalog tags exceeds the dense table's
 * limit (as the folder reader refuses it).
 * @example
 * const result = await runBench(benchDataset(generate({ users: 2000 })), { models: [mf], runs: 1, seed: 0, epochs: 10, workers: 1 });
 */
export function benchDataset(d: Dataset): BenchDataset {
  const id = d.tagOutputId;
  const users = d.config.users;
  const movies: MovieTags = { start: d.movieTags.start, tag: Int32Array.from(d.movieTags.tag, (t) => id[t]!) };
  const { tags, catalogTags } = catalogTagsOf(movies);
  const labels = trainingLabels(feedback(d.tables.obstag, id), feedback(d.tables.rcttag, id), movies, users, tags);
  const tests: Record<TestSetName, LabelSet> = {
    I: labelSet(d.tests.test1, id),
    II: labelSet(d.tests.test2, id),
    III: labelSet(d.tests.test3, id),
    all: labelSet(d.tests.test, id),
  };
  if (users * catalogTags.length > TRUTH_PAIRS_MAX) return { users, tags, catalogTags, labels, tests };
  const likedUser = new Int32Array(d.liked.tag.length);
  for (let u = 0; u < users; u++) likedUser.fill(u, d.liked.start[u]!, d.liked.start[u + 1]!);
  const truth = likedTagTruth(users, tags, catalogTags, likedUser, Int32Array.from(d.liked.tag, (t) => id[t]!));
  return { users, tags, catalogTags, labels, tests, truth };
}
