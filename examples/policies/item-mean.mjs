#!/usr/bin/env node
/**
 * An example policy for `ctar ope`, learnt from the observed data only: every movie scores its
 * mean observed rating (shrunk towards the global mean with 5 pseudo-ratings), plus a personal
 * bonus for the share of its tags the user has labelled as liked in obstag.csv. Movies the user
 * has rated stay eligible, so a user's list mixes movies whose rating is observed with movies
 * whose rating is not: the naive estimate uses the first kind only, IPS reweights them by the
 * exact 1/P(R_R = 1), and the true value (from the potential outcomes) says which is right.
 *
 * The personal part comes from the tag labels, not from the user's own ratings, on purpose: IPS
 * needs a policy that does not depend on which of its pairs are observed. A profile built from
 * the movies the user rated would favour exactly those movies (their tags are in the profile),
 * and IPS then overestimates wildly. The tag labels have their own missingness (R_O), which is
 * independent of R_R given the movie.
 *
 *   node item-mean.mjs DATASET_DIR policy.csv [--per-user 50]
 *   ctar ope DATASET_DIR --policy policy.csv --k 10
 *
 * Output: userid,movieid,score (the format `ctar ope --policy FILE` reads); `--per-user` rows
 * per user (the best-scored ones), enough for any k up to it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, out, ...rest] = process.argv.slice(2);
if (dir === undefined || out === undefined) {
  process.stderr.write("usage: item-mean.mjs DATASET_DIR OUT.csv [--per-user N]\n");
  process.exit(2);
}
const perUser = rest[0] === "--per-user" ? Number(rest[1]) : 50;
const PRIOR = 5; // pseudo-ratings at the global mean
const BONUS = 1; // weight of the tag profile, in rating points
const { users, movies } = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")).config;

const rows = (file) => readFileSync(join(dir, "train", file), "utf8").trim().split("\n").slice(1);
/** Each movie's tags, from movie.csv (`movieid,"t1,t2,…"`). */
const tags = rows("movie.csv").map((line) => {
  const [, list] = /^\d+,"?([^"]*)"?$/.exec(line);
  return list.split(",").map(Number);
});

const sum = new Float64Array(movies);
const count = new Float64Array(movies);
const liked = Array.from({ length: users }, () => new Set()); // the user's labelled liked tags
for (const line of rows("obstag.csv")) {
  const [u, , t] = line.split(",").map(Number);
  if (t >= 0) liked[u].add(t);
}
let total = 0;
const ratings = rows("rating.csv");
for (const line of ratings) {
  const [, m, r] = line.split(",").map(Number);
  sum[m] += r;
  count[m] += 1;
  total += r;
}
const global = total / Math.max(ratings.length, 1);
const itemMean = Float64Array.from(sum, (s, m) => (s + PRIOR * global) / (count[m] + PRIOR));

let text = "userid,movieid,score\n";
for (let u = 0; u < users; u++) {
  const score = Array.from(itemMean, (x, m) => x + (BONUS * tags[m].filter((t) => liked[u].has(t)).length) / tags[m].length);
  const best = Array.from({ length: movies }, (_, m) => m).sort((a, b) => score[b] - score[a] || a - b);
  for (const m of best.slice(0, perUser)) text += `${u},${m},${score[m].toFixed(6)}\n`;
}
writeFileSync(out, text);
