/** A tiny CTAR-layout dataset written into a temporary folder, for the bench tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SeedTree } from "../../src/rng/stream.js";

export interface FixtureOptions {
  readonly truth?: boolean;
  readonly users?: number;
}

/** 12 users, 6 movies of 3 tags over 9 tags; user u likes tag t iff (u + t) % 3 === 0. */
export function writeFixture(opts: FixtureOptions = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ctar-bench-"));
  const users = opts.users ?? 12;
  const movieTags = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8]];
  const likes = (u: number, t: number) => (u + t) % 3 === 0;
  const rng = new SeedTree(7).stream("fixture");
  mkdirSync(path.join(dir, "train"));
  mkdirSync(path.join(dir, "test"));
  writeFileSync(path.join(dir, "train", "movie.csv"), "movieid,taglist\n" + movieTags.map((l, m) => `${m},"${l.join(",")}"`).join("\n") + "\n");
  const rating: string[] = ["userid,movieid,rating"];
  const obs: string[] = ["userid,movieid,tagid"];
  const rct: string[] = ["userid,movieid,tagid"];
  for (let u = 0; u < users; u++) {
    for (let m = 0; m < movieTags.length; m++) {
      const liked = movieTags[m]!.filter((t) => likes(u, t));
      if (rng.bernoulli(0.5)) {
        rating.push(`${u},${m},${1 + rng.int(5)}`);
        if (liked.length === 0) obs.push(`${u},${m},-1`);
        else for (const t of liked) obs.push(`${u},${m},${t}`);
      } else if (u % 3 === 0 && m % 2 === 0) {
        if (liked.length === 0) rct.push(`${u},${m},-1`);
        else for (const t of liked) rct.push(`${u},${m},${t}`);
      }
    }
  }
  writeFileSync(path.join(dir, "train", "rating.csv"), rating.join("\n") + "\n");
  writeFileSync(path.join(dir, "train", "obstag.csv"), obs.join("\n") + "\n");
  writeFileSync(path.join(dir, "train", "rcttag.csv"), rct.join("\n") + "\n");
  const test = (rows: Array<[number, number]>) => "userid,tagid,islike\n" + rows.map(([u, t]) => `${u},${t},${likes(u, t) ? 1 : 0}`).join("\n") + "\n";
  const t1: Array<[number, number]> = [[0, 0], [1, 2], [2, 1]];
  const t2: Array<[number, number]> = [[0, 1], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]];
  const t3: Array<[number, number]> = [[6, 0], [7, 2], [8, 8], [9, 4], [10, 3]];
  writeFileSync(path.join(dir, "test", "test_1.csv"), test(t1));
  writeFileSync(path.join(dir, "test", "test_2.csv"), test(t2));
  writeFileSync(path.join(dir, "test", "test_3.csv"), test(t3));
  writeFileSync(path.join(dir, "test", "test.csv"), test([...t1, ...t2, ...t3]));
  if (opts.truth === true) {
    mkdirSync(path.join(dir, "truth"));
    const rows = ["userid,tagid"];
    for (let u = 0; u < users; u++) for (let t = 0; t < 9; t++) if (likes(u, t)) rows.push(`${u},${t}`);
    writeFileSync(path.join(dir, "truth", "liked_tags.csv"), rows.join("\n") + "\n");
  }
  return dir;
}
