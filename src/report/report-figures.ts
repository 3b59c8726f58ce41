/**
 * The data behind each figure of `ctar report`, after the CTAR paper's §6.2: the rating
 * histogram (Fig. 5a), ratings per user and per movie (Fig. 5b–c), the positive / negative
 * label shares of the training and test sets (Fig. 6), and, from truth/, the τ distribution,
 * the exact propensities P(R_R = 1) and P(R_O = 1) against popularity rank and the make-up of
 * Tests I–III. Pure: one ReportDataset in, plain rows out (one row per mark, tagged with the
 * dataset's label so that two datasets can be drawn side by side).
 */
import { countPositive, type LabelSet } from "../labels/label-set.js";
import type { ReportDataset } from "./report-dataset.js";

export type Row = Readonly<Record<string, string | number>>;

export interface FigureData {
  readonly ratingHistogram: Row[];
  readonly ratingsPerUser: Row[];
  readonly ratingsPerMovie: Row[];
  readonly labelShares: Row[];
  /** Empty when the dataset has no truth/ folder. */
  readonly tau: Row[];
  readonly propensity: Row[];
  readonly testComposition: Row[];
}

/** (k, number of ids with exactly k rows) for k ≥ 1, in increasing k. */
function countDistribution(ids: Int32Array): [number, number][] {
  const per = new Map<number, number>();
  for (const id of ids) per.set(id, (per.get(id) ?? 0) + 1);
  const freq = new Map<number, number>();
  for (const k of per.values()) freq.set(k, (freq.get(k) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => a[0] - b[0]);
}

function shares(dataset: string, set: string, s: LabelSet): Row[] {
  const pos = countPositive(s);
  const neg = s.n - pos;
  return [
    { dataset, set, label: "positive (like)", count: pos, share: s.n > 0 ? pos / s.n : 0 },
    { dataset, set, label: "negative (dislike)", count: neg, share: s.n > 0 ? neg / s.n : 0 },
  ];
}

/** Label of the sets of Fig. 6, in the paper's order (bottom to top there, top to bottom here). */
export const LABEL_SETS = ["ObsTag", "RCTTag", "ObsTag+RCTTag", "Test I", "Test II", "Test III", "Test"] as const;

export function figureData(d: ReportDataset, dataset: string): FigureData {
  const [, movie, rating] = d.folder.rating.cols as [Int32Array, Int32Array, Int32Array];
  const hist = new Map<number, number>();
  for (const r of rating) hist.set(r, (hist.get(r) ?? 0) + 1);
  const ratingHistogram = [...hist.entries()].sort((a, b) => a[0] - b[0]).map(([r, count]) => ({ dataset, rating: r, count }));
  const ratingsPerUser = countDistribution(d.folder.rating.cols[0]!).map(([ratings, users]) => ({ dataset, ratings, users }));
  const ratingsPerMovie = countDistribution(movie).map(([ratings, movies]) => ({ dataset, ratings, movies }));
  const { labels, tests } = d.labels;
  const sets: [string, LabelSet][] = [
    ["ObsTag", labels.obs],
    ["RCTTag", labels.rct],
    ["ObsTag+RCTTag", labels.all],
    ["Test I", tests.I],
    ["Test II", tests.II],
    ["Test III", tests.III],
    ["Test", tests.all],
  ];
  const labelShares = sets.flatMap(([name, s]) => shares(dataset, name, s));
  const testComposition = labelShares.filter((r) => /^Test I/.test(String(r.set)));
  const t = d.truth;
  const tau = t === undefined ? [] : Array.from(t.tau, (tau) => ({ dataset, tau }));
  const propensity: Row[] = [];
  if (t !== undefined) {
    for (let m = 0; m < t.movieRank.length; m++) if (Number.isFinite(t.pRating[m]!)) propensity.push({ dataset, rank: t.movieRank[m]!, p: t.pRating[m]!, propensity: "P(R_R = 1)" });
    const po = t.pObsTagByMovie;
    if (po !== undefined) {
      for (let m = 0; m < po.length; m++) if (Number.isFinite(po[m]!)) propensity.push({ dataset, rank: t.movieRank[m]!, p: po[m]!, propensity: "P(R_O = 1), mean over users" });
    }
  }
  return { ratingHistogram, ratingsPerUser, ratingsPerMovie, labelShares, tau, propensity, testComposition };
}
