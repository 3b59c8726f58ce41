/**
 * The tag's popularity, the same estimate for every user:
 *
 *   τ̂(u, t) = s_t · δ̂
 *
 * s_t: the share of users with a positive label of t (obstag.csv or rcttag.csv), how common liking
 * t is. δ̂: how much a liked tag moves a rating, the mean naive contrast (arm-contrast.ts, w ≡ 1)
 * over the distinct labelled (user, tag) pairs that have one. Under the model, E_u[τ(u, t)] =
 * P(t ∈ TU_u) · E[τ | liked], so this is the best a user-blind estimate can aim at; its ranking of
 * a user's tags is the popularity ranking.
 */
import { armContrast } from "./arm-contrast.js";
import type { EffectsData } from "./effects-data.js";
import { populationSize, tagColumns } from "./effects-data.js";

/** For each user, the distinct catalog columns they labelled positive, as CSR (start, column). */
export function labelledColumns(data: EffectsData): { start: Int32Array; column: Int32Array } {
  const col = tagColumns(data.tags, data.catalogTags);
  const n = data.likedUser.length;
  const start = new Int32Array(data.users + 1);
  for (let i = 0; i < n; i++) start[data.likedUser[i]! + 1]!++;
  for (let u = 0; u < data.users; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, data.users);
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i++) raw[fill[data.likedUser[i]!]!++] = col[data.likedTag[i]!]!;
  // Deduplicate each user's columns in place (a stamp per column: the last user who set it).
  const stamp = new Int32Array(data.catalogTags.length).fill(-1);
  const outStart = new Int32Array(data.users + 1);
  let k = 0;
  for (let u = 0; u < data.users; u++) {
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const c = raw[i]!;
      if (c < 0 || stamp[c] === u) continue;
      stamp[c] = u;
      raw[k++] = c;
    }
    outStart[u + 1] = k;
  }
  return { start: outStart, column: raw.slice(0, k) };
}

/** τ̂ = s_t · δ̂ over the population. */
export function popularityEstimate(data: EffectsData): Float64Array {
  const defined = new Uint8Array(data.users * data.catalogTags.length);
  const naive = armContrast(data, null, defined);
  const width = data.catalogTags.length;
  const out = new Float64Array(populationSize(data.users, width));
  const { start, column } = labelledColumns(data);
  const share = new Float64Array(width);
  let sum = 0;
  let n = 0;
  for (let u = 0; u < data.users; u++) {
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const c = column[i]!;
      share[c]! += 1 / data.users;
      if (defined[u * width + c] === 1) {
        sum += naive[u * width + c]!;
        n++;
      }
    }
  }
  const delta = n === 0 ? 0 : sum / n;
  for (let u = 0; u < data.users; u++) {
    const row = u * width;
    for (let c = 0; c < width; c++) out[row + c] = share[c]! * delta;
  }
  return out;
}
