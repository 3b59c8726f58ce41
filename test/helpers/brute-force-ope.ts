/**
 * The off-policy figures of `ctar ope` by brute force from a dataset folder written with
 * `--truth full`: the true value from every pair's potential outcome R, the naive mean of the
 * observed ratings, and IPS/SNIPS weighted by the per-pair P(R_R = 1) of truth/full.csv.gz — the
 * definitions of docs/model.md written out directly, independent of src/truth/policy-value.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface BruteForceOpe {
  readonly users: number;
  readonly pairs: number;
  readonly observed_pairs: number;
  readonly true_value: number;
  readonly naive: number;
  /** NaN when the run records no P(R_R = 1). */
  readonly ips: number;
  readonly snips: number;
}

/** Rows of a CSV text without its header; an empty cell is NaN. */
export const csvRows = (text: string): number[][] => text.trim().split("\n").slice(1).map((l) => l.split(",").map((x) => (x === "" ? NaN : Number(x))));

/** The figures for the lists `rec[u]` (each user weighted 1/|users|, each of its pairs 1/|rec[u]|). */
export function bruteForceOpe(dir: string, movies: number, rec: readonly (readonly number[])[]): BruteForceOpe {
  // userid,movieid,rating,liked_tags,p_rating,p_obstag; one row per pair in user-major order
  const full = csvRows(gunzipSync(readFileSync(join(dir, "truth/full.csv.gz"))).toString("utf8"));
  const observed = new Map(csvRows(readFileSync(join(dir, "train/rating.csv"), "utf8")).map((c) => [`${c[0]},${c[1]}`, c[2]!]));
  let truth = 0;
  let pairs = 0;
  let obs = 0;
  let o = 0;
  let oR = 0;
  let ips = 0;
  let ipsW = 0;
  for (let u = 0; u < rec.length; u++) {
    const w = 1 / (rec.length * rec[u]!.length);
    for (const m of rec[u]!) {
      const row = full[u * movies + m]!;
      assert.deepEqual(row.slice(0, 2), [u, m]);
      truth += w * row[2]!;
      pairs++;
      const y = observed.get(`${u},${m}`);
      if (y === undefined) continue;
      obs++;
      o += w;
      oR += w * y;
      ips += (w * y) / row[4]!;
      ipsW += w / row[4]!;
    }
  }
  return { users: rec.length, pairs, observed_pairs: obs, true_value: truth, naive: oR / o, ips, snips: ips / ipsW };
}
