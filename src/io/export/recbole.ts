/**
 * Export to RecBole's atomic files (RecBole docs, "Atomic files"): tab-separated, a header of
 * `name:type` fields. Two datasets: `ctar/` — ratings (`ctar.inter`: user_id:token item_id:token
 * rating:float), movies with their tags (`ctar.item`: tags:token_seq, space-separated) and users
 * (`ctar.user`); `ctar_tag/` — the user–tag task, one file per split
 * (`ctar_tag.{obstag,rcttag,test_1,test_2,test_3,test}.inter`: user_id:token tag_id:token
 * label:float, and movie_id:token for the training observations), for `benchmark_filename`.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CsvWriter } from "../tables/csv-writer.js";
import { locateTable, tableBlocks } from "../tables/dataset-table.js";
import { readMovieTable } from "../dataset/read-bench-dataset.js";
import { checkId, idRanges } from "./id-range.js";
import { forEachTagLabel } from "./tag-labels.js";

export const TEST_SPLITS = [["test/test_1", "test_1"], ["test/test_2", "test_2"], ["test/test_3", "test_3"], ["test/test", "test"]] as const;

export async function exportRecbole(dir: string, out: string, users: number): Promise<string[]> {
  const files: string[] = [];
  const main = join(out, "ctar");
  const tag = join(out, "ctar_tag");
  mkdirSync(main);
  mkdirSync(tag);
  const movies = readMovieTable(dir);
  const ids = idRanges(users, movies);
  const inter = new CsvWriter(join(main, "ctar.inter"), "user_id:token\titem_id:token\trating:float");
  const ratings = locateTable(dir, "train/rating");
  for await (const b of tableBlocks(ratings, ["userid", "movieid", "rating"])) {
    const [u, m, r] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      checkId(ids, "userid", u![i]!, ratings, b.start + i);
      checkId(ids, "movieid", m![i]!, ratings, b.start + i);
      inter.line(`${u![i]}\t${m![i]}\t${r![i]}`);
    }
  }
  inter.close();
  const item = new CsvWriter(join(main, "ctar.item"), "item_id:token\ttags:token_seq");
  for (let m = 0; m + 1 < movies.start.length; m++) item.line(`${m}\t${Array.from(movies.tag.subarray(movies.start[m]!, movies.start[m + 1]!)).join(" ")}`);
  item.close();
  const user = new CsvWriter(join(main, "ctar.user"), "user_id:token");
  for (let u = 0; u < users; u++) user.line(String(u));
  user.close();
  files.push("ctar/ctar.inter", "ctar/ctar.item", "ctar/ctar.user");
  for (const source of ["obstag", "rcttag"] as const) {
    const w = new CsvWriter(join(tag, `ctar_tag.${source}.inter`), "user_id:token\ttag_id:token\tlabel:float\tmovie_id:token");
    await forEachTagLabel(dir, source, movies, (u, m, t, y) => w.line(`${u}\t${t}\t${y}\t${m}`), ids);
    w.close();
    files.push(`ctar_tag/ctar_tag.${source}.inter`);
  }
  for (const [table, split] of TEST_SPLITS) {
    const w = new CsvWriter(join(tag, `ctar_tag.${split}.inter`), "user_id:token\ttag_id:token\tlabel:float");
    const loc = locateTable(dir, table);
    for await (const b of tableBlocks(loc, ["userid", "tagid", "islike"])) {
      const [u, t, y] = b.cols as Int32Array[];
      for (let i = 0; i < b.rows; i++) {
        checkId(ids, "userid", u![i]!, loc, b.start + i);
        checkId(ids, "tagid", t![i]!, loc, b.start + i);
        w.line(`${u![i]}\t${t![i]}\t${y![i]}`);
      }
    }
    w.close();
    files.push(`ctar_tag/ctar_tag.${split}.inter`);
  }
  return files;
}
