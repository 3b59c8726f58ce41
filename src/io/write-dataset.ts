/**
 * Writes a Dataset in the released CTAR layout (reference §3–4), with released ids: movies
 * 0..|M|−1 in movie.csv (popularity) order, tags re-ranked by first appearance in movie.csv, −1
 * kept. Besides train/ and test/, truth/ holds what was simulated but not observed, and
 * config.json the fully resolved configuration, seed and tool version.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../generate/generate.js";
import type { RowTable } from "../generate/row-table.js";
import type { LabelTable } from "../testsets/label-table.js";
import { datasetTagEffects } from "../truth/user-tag-truth.js";
import { VERSION } from "../version.js";
import { CsvWriter } from "./csv-writer.js";

export interface DatasetFiles {
  readonly [relativePath: string]: { readonly rows: number };
}

function writeTagRows(file: string, t: RowTable, tagId: Int32Array): number {
  const w = new CsvWriter(file, "userid,movieid,tagid");
  for (let i = 0; i < t.length; i++) {
    const tag = t.c[i]!;
    w.line(`${t.a[i]},${t.b[i]},${tag < 0 ? -1 : tagId[tag]}`);
  }
  w.close();
  return t.length;
}

function writeLabels(file: string, t: LabelTable, tagId: Int32Array): number {
  const w = new CsvWriter(file, "userid,tagid,islike");
  for (let i = 0; i < t.user.length; i++) w.line(`${t.user[i]},${tagId[t.tag[i]!]},${t.label[i]}`);
  w.close();
  return t.user.length;
}

/**
 * truth/user_tag.csv: τ (Eq. 1) and τ′ (Eq. 2) for every (user, liked tag), released ids, sorted by
 * user then tag. Pairs not listed have likes = 0 and τ = τ′ = 0 by construction (tag-effect.ts).
 * Returns the row count, or the reason the closed form does not apply to this graph.
 */
function writeUserTagTruth(file: string, d: Dataset): number | string {
  const effects = datasetTagEffects(d);
  if (!("tau" in effects)) return effects.reason;
  const id = d.tagOutputId;
  const w = new CsvWriter(file, "userid,tagid,likes,tau,tau_prime");
  let rows = 0;
  let tau = new Float64Array(64);
  for (let u = 0; u < d.config.users; u++) {
    const liked = d.liked.tag.subarray(d.liked.start[u]!, d.liked.start[u + 1]!);
    if (tau.length < liked.length) tau = new Float64Array(liked.length);
    effects.tau(liked, tau);
    const order = Array.from(liked.keys()).sort((a, b) => id[liked[a]!]! - id[liked[b]!]!);
    for (const i of order) w.line(`${u},${id[liked[i]!]},1,${tau[i]},${tau[i]! > 0 ? 1 : 0}`);
    rows += liked.length;
  }
  w.close();
  return rows;
}

/**
 * Writes every file of the dataset under `dir` (which must exist; its train/, test/ and truth/ may
 * already exist, e.g. when truth/full.csv.gz was streamed during generation). `moreFiles` are
 * files already written there, listed in config.json with the others.
 */
export function writeDataset(dir: string, d: Dataset, extra: Record<string, unknown> = {}, moreFiles: DatasetFiles = {}): DatasetFiles {
  const files: Record<string, { rows: number }> = {};
  const notes: string[] = [];
  const id = d.tagOutputId;
  for (const sub of ["train", "test", "truth"]) mkdirSync(join(dir, sub), { recursive: true });

  const movies = new CsvWriter(join(dir, "train/movie.csv"), "movieid,taglist");
  const { start, tag } = d.movieTags;
  for (let m = 0; m < d.catalog.movies; m++) {
    const list: number[] = [];
    for (let k = start[m]!; k < start[m + 1]!; k++) list.push(id[tag[k]!]!);
    movies.line(`${m},"${list.join(",")}"`);
  }
  movies.close();
  files["train/movie.csv"] = { rows: d.catalog.movies };

  const r = d.tables.rating;
  const ratings = new CsvWriter(join(dir, "train/rating.csv"), "userid,movieid,rating");
  for (let i = 0; i < r.length; i++) ratings.line(`${r.a[i]},${r.b[i]},${r.c[i]}`);
  ratings.close();
  files["train/rating.csv"] = { rows: r.length };
  files["train/obstag.csv"] = { rows: writeTagRows(join(dir, "train/obstag.csv"), d.tables.obstag, id) };
  files["train/rcttag.csv"] = { rows: writeTagRows(join(dir, "train/rcttag.csv"), d.tables.rcttag, id) };

  files["test/test_1.csv"] = { rows: writeLabels(join(dir, "test/test_1.csv"), d.tests.test1, id) };
  files["test/test_2.csv"] = { rows: writeLabels(join(dir, "test/test_2.csv"), d.tests.test2, id) };
  files["test/test_3.csv"] = { rows: writeLabels(join(dir, "test/test_3.csv"), d.tests.test3, id) };
  files["test/test.csv"] = { rows: writeLabels(join(dir, "test/test.csv"), d.tests.test, id) };

  // truth/: the simulated world behind the observations.
  const liked = new CsvWriter(join(dir, "truth/liked_tags.csv"), "userid,tagid");
  let likedRows = 0;
  for (let u = 0; u < d.config.users; u++) {
    const ts: number[] = [];
    for (let k = d.liked.start[u]!; k < d.liked.start[u + 1]!; k++) ts.push(id[d.liked.tag[k]!]!);
    ts.sort((a, b) => a - b);
    for (const t of ts) liked.line(`${u},${t}`);
    likedRows += ts.length;
  }
  liked.close();
  files["truth/liked_tags.csv"] = { rows: likedRows };

  const q = d.movieValues.get("Q");
  const propensity = d.kernels.get("R_R")?.truth?.["propensity"];
  const tm = new CsvWriter(join(dir, "truth/movie.csv"), "movieid,original_movieid,avg_rating,popularity,popularity_rank,quality,p_rating_observed");
  for (let m = 0; m < d.catalog.movies; m++) {
    const qm = q instanceof Float64Array ? q[m] : "";
    const pm = propensity instanceof Float64Array ? propensity[m] : "";
    tm.line(`${m},${d.catalog.originalMovieId[m]},${d.catalog.avgRating[m]},${d.catalog.popularity[m]},${m},${qm},${pm}`);
  }
  tm.close();
  files["truth/movie.csv"] = { rows: d.catalog.movies };

  const tagRows: Array<[number, number, number]> = [];
  for (let t = 0; t < id.length; t++) tagRows.push([id[t]!, d.catalog.originalTagId[t]!, d.catalog.tagPopularity[t]!]);
  tagRows.sort((a, b) => a[0] - b[0]);
  const tags = new CsvWriter(join(dir, "truth/tag.csv"), "tagid,original_tagid,popularity,in_movie_csv");
  for (const [t, o, p] of tagRows) tags.line(`${t},${o},${p},${t < d.movieCsvTags ? 1 : 0}`);
  tags.close();
  files["truth/tag.csv"] = { rows: tagRows.length };
  files["truth/obstag_dropped.csv"] = { rows: writeTagRows(join(dir, "truth/obstag_dropped.csv"), d.tables.dropped, id) };
  const userTag = writeUserTagTruth(join(dir, "truth/user_tag.csv"), d);
  if (typeof userTag === "number") files["truth/user_tag.csv"] = { rows: userTag };
  else notes.push(`truth/user_tag.csv not written: ${userTag} (τ of Eq. 1 has no closed form here)`);
  for (const [f, v] of Object.entries(moreFiles)) files[f] = v;

  const config = {
    tool: "ctar",
    version: VERSION,
    seed: d.config.seed,
    config: d.config,
    catalog: d.catalog.source,
    graph: d.graph,
    files,
    warnings: d.warnings,
    ...(notes.length > 0 ? { notes } : {}),
    ...extra,
  };
  writeFileSync(join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
  return files;
}
