/** A small base catalog written to a folder, for CLI tests that need real files. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface TinyCatalogFiles {
  readonly ratings: string;
  readonly tags: string;
}

/** `movies` movies with ids 100.., each with up to 8 of `tags` tags; deterministic. */
export function tinyCatalogFiles(movies = 40, tags = 30): TinyCatalogFiles {
  let ratings = "movieid,rating\n";
  let tagRows = "movieid,tagid,tagCount\n";
  for (let m = 0; m < movies; m++) {
    ratings += `${100 + m},${(2.5 + ((m * 7) % 25) / 10).toFixed(2)}\n`;
    const n = 3 + (m % 6);
    for (let k = 0; k < n; k++) tagRows += `${100 + m},${(m * 3 + k * 7) % tags},${1000 - m * 10 - k * 50}\n`;
  }
  return { ratings, tags: tagRows };
}

export function writeCatalog(dir: string, files: TinyCatalogFiles): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "movie_rating.csv"), files.ratings);
  writeFileSync(join(dir, "movie_tag_ct.csv"), files.tags);
  return dir;
}
