#!/usr/bin/env node
/**
 * An example policy for `ctar ope`: recommend to every user the movies with the highest mean
 * OBSERVED rating (shrunk towards the global mean with 5 pseudo-ratings), leaving out the movies
 * the user has already rated. It learns from the biased ratings only, so its true value (from the
 * potential outcomes) can be compared with what the observed data suggest.
 *
 *   node examples/policies/item-mean.mjs DATASET_DIR policy.csv [--per-user 50]
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
const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")).config;
const { users, movies } = config;

const lines = readFileSync(join(dir, "train", "rating.csv"), "utf8").trim().split("\n").slice(1);
const sum = new Float64Array(movies);
const count = new Float64Array(movies);
const rated = new Map();
let total = 0;
for (const line of lines) {
  const [u, m, r] = line.split(",").map(Number);
  sum[m] += r;
  count[m] += 1;
  total += r;
  if (!rated.has(u)) rated.set(u, new Set());
  rated.get(u).add(m);
}
const global = total / Math.max(lines.length, 1);
const PRIOR = 5;
const score = Array.from({ length: movies }, (_, m) => (sum[m] + PRIOR * global) / (count[m] + PRIOR));
const order = Array.from({ length: movies }, (_, m) => m).sort((a, b) => score[b] - score[a] || a - b);

let text = "userid,movieid,score\n";
for (let u = 0; u < users; u++) {
  const seen = rated.get(u) ?? new Set();
  let n = 0;
  for (const m of order) {
    if (n === perUser) break;
    if (seen.has(m)) continue;
    text += `${u},${m},${score[m]}\n`;
    n++;
  }
}
writeFileSync(out, text);
