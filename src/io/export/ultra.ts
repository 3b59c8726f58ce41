/**
 * Export of a click world for unbiased learning to rank, in the data layout of ULTRA (Ai et al.
 * 2021; github.com/ULTR-Community/ULTRA_pytorch, `ultra/utils/data_utils.py`, "ULTRA format"),
 * docs/tasks-ranking.md#export-for-ultra. A query is a user, its documents the user's logged list:
 *   settings.json                 {"feature_size", "max_label"} (what ULTRA's reader asks of it)
 *   SPLIT/SPLIT.feature           one line per (user, movie): "u<user>_m<movie> 1:x1 2:x2 3:x3"
 *                                 (1-based feature ids; popularity, movie_mean_rating, liked_tag_overlap)
 *   SPLIT/SPLIT.init_list         one line per user: "u<user> i1 … iL", line numbers (0-based) of
 *                                 SPLIT.feature in logged order
 *   SPLIT/SPLIT.labels            "u<user> y1 … yL": the true relevance grades y = R − 1
 * and, which ULTRA does not read (ctar's click log, beside it):
 *   SPLIT/SPLIT.clicks            "u<user> c1 … cL": the logged clicks
 *   SPLIT/SPLIT.propensity        "u<user> p1 … pL": the exact examination probabilities k^−η
 *   SPLIT/SPLIT.swap              "u<user> k": the position swapped with 1 (0: none)
 * Splits by user id: u mod 5 = 0, 1, 2 train; 3 valid; 4 test (the ranking task's test users).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildRankingData, type RankingData } from "../../tasks/ranking/ranking-data.js";
import { CsvWriter } from "../tables/csv-writer.js";
import { openDatasetPolicyRun } from "../recorded/dataset-policy-run.js";

export const ULTRA_SPLITS = ["train", "valid", "test"] as const;

/** The split of user u. */
export function ultraSplit(u: number): (typeof ULTRA_SPLITS)[number] {
  const r = u % 5;
  return r <= 2 ? "train" : r === 3 ? "valid" : "test";
}

function writeSplit(d: RankingData, out: string, split: (typeof ULTRA_SPLITS)[number]): string[] {
  const dir = join(out, split);
  mkdirSync(dir);
  const names = ["feature", "init_list", "labels", "clicks", "propensity", "swap"];
  const w = Object.fromEntries(names.map((n) => [n, new CsvWriter(join(dir, `${split}.${n}`), null)])) as Record<string, CsvWriter>;
  const p = d.featureNames.length;
  let line = 0;
  for (let u = 0; u < d.users; u++) {
    if (ultraSplit(u) !== split) continue;
    const rows = Array.from({ length: d.length }, (_, j) => u * d.length + j);
    for (const i of rows) {
      // Feature 0 is the bias, which ULTRA's models carry themselves.
      const x = Array.from({ length: p - 1 }, (_, f) => `${f + 1}:${d.features[i * p + f + 1]}`);
      w["feature"]!.line(`u${u}_m${d.movie[i]} ${x.join(" ")}`);
    }
    const q = `u${u}`;
    w["init_list"]!.line(`${q} ${rows.map((_, j) => line + j).join(" ")}`);
    w["labels"]!.line(`${q} ${rows.map((i) => d.grade[i]).join(" ")}`);
    w["clicks"]!.line(`${q} ${rows.map((i) => d.click[i]).join(" ")}`);
    w["propensity"]!.line(`${q} ${rows.map((i) => d.pExam[i]).join(" ")}`);
    w["swap"]!.line(`${q} ${d.swap[u]}`);
    line += rows.length;
  }
  for (const x of Object.values(w)) x.close();
  return names.map((n) => `${split}/${split}.${n}`);
}

/** Writes the ULTRA layout of the click world of `dir` into `out`; returns the files written. */
export async function exportUltra(dir: string, out: string): Promise<string[]> {
  const world = await openDatasetPolicyRun(dir);
  let d: RankingData;
  try {
    d = buildRankingData(world, dir, { testClicks: true });
  } finally {
    world.dispose();
  }
  const settings = new CsvWriter(join(out, "settings.json"), null);
  settings.line(JSON.stringify({ feature_size: d.featureNames.length - 1, max_label: d.maxGrade }));
  settings.close();
  return ["settings.json", ...ULTRA_SPLITS.flatMap((s) => writeSplit(d, out, s))];
}
