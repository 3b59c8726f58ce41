/**
 * Export to Cornac's UIR triplets (cornac.data.Reader, fmt="UIR", sep="\t"): one
 * `user<TAB>item<TAB>rating` line per row, no header. `rating.txt` holds the observed ratings;
 * the user–tag task has `obstag.txt`, `rcttag.txt` (training labels, tag-labels.ts) and
 * `test_1.txt` … `test.txt` (user, tag, islike).
 */
import { join } from "node:path";
import { CsvWriter } from "../tables/csv-writer.js";
import { locateTable, tableBlocks } from "../tables/dataset-table.js";
import { readMovieTable } from "../dataset/read-bench-dataset.js";
import { TEST_SPLITS } from "./recbole.js";
import { checkId, idRanges } from "./id-range.js";
import { forEachTagLabel } from "./tag-labels.js";

export async function exportCornac(dir: string, out: string, users: number): Promise<string[]> {
  const files = ["rating.txt"];
  const movies = readMovieTable(dir);
  const ids = idRanges(users, movies);
  const w = new CsvWriter(join(out, "rating.txt"), null);
  const ratings = locateTable(dir, "train/rating");
  for await (const b of tableBlocks(ratings, ["userid", "movieid", "rating"])) {
    const [u, m, r] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      checkId(ids, "userid", u![i]!, ratings, b.start + i);
      checkId(ids, "movieid", m![i]!, ratings, b.start + i);
      w.line(`${u![i]}\t${m![i]}\t${r![i]}`);
    }
  }
  w.close();
  for (const source of ["obstag", "rcttag"] as const) {
    const t = new CsvWriter(join(out, `${source}.txt`), null);
    await forEachTagLabel(dir, source, movies, (u, _m, tag, y) => t.line(`${u}\t${tag}\t${y}`), ids);
    t.close();
    files.push(`${source}.txt`);
  }
  for (const [table, split] of TEST_SPLITS) {
    const t = new CsvWriter(join(out, `${split}.txt`), null);
    const loc = locateTable(dir, table);
    for await (const b of tableBlocks(loc, ["userid", "tagid", "islike"])) {
      const [u, tag, y] = b.cols as Int32Array[];
      for (let i = 0; i < b.rows; i++) {
        checkId(ids, "userid", u![i]!, loc, b.start + i);
        checkId(ids, "tagid", tag![i]!, loc, b.start + i);
        t.line(`${u![i]}\t${tag![i]}\t${y![i]}`);
      }
    }
    t.close();
    files.push(`${split}.txt`);
  }
  return files;
}
