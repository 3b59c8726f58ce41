/**
 * A policy file for `ctar ope`: CSV with columns userid,movieid,score (released ids; any other
 * columns ignored), at most one row per (user, movie). Errors name file:line.
 */
import { InputError } from "../../errors/errors.js";
import type { ScoredPairs } from "../../truth/recommendations.js";
import { forEachCsvRow, parseIntField, parseNumberField, readText } from "../tables/csv.js";

export function readPolicyFile(file: string, users: number, movies: number): ScoredPairs {
  const text = readText(file);
  const user: number[] = [];
  const movie: number[] = [];
  const score: number[] = [];
  const seen = new Map<number, number>();
  forEachCsvRow(text, file, ["userid", "movieid", "score"], (f, line) => {
    const u = parseIntField(f[0]!, file, line, "userid");
    const m = parseIntField(f[1]!, file, line, "movieid");
    const s = parseNumberField(f[2]!, file, line, "score");
    if (u < 0 || u >= users) throw new InputError(`${file}:${line}: userid ${u} out of range (expected 0..${users - 1})`);
    if (m < 0 || m >= movies) throw new InputError(`${file}:${line}: movieid ${m} out of range (expected 0..${movies - 1})`);
    const key = u * movies + m;
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(`${file}:${line}: user ${u}, movie ${m} is scored twice (first on line ${first})`);
    seen.set(key, line);
    user.push(u);
    movie.push(m);
    score.push(s);
  });
  if (user.length === 0) throw new InputError(`${file}: no rows (expected userid,movieid,score rows)`);
  return { user: Int32Array.from(user), movie: Int32Array.from(movie), score: Float64Array.from(score) };
}
