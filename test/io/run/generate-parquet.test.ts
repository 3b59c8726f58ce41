/**
 * `ctar generate --format both`: every table's NAME.parquet holds exactly the rows of its CSV, as
 * an independent reader (parquet-wasm: the Rust `parquet` crate, through apache-arrow) reads them —
 * ratings and ids as INT32, decimals as DOUBLE, taglist as a list — and `--format parquet` leaves
 * only the Parquet files, which `validate`, `stats` and `verify` accept.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import * as arrow from "apache-arrow";
import * as pw from "parquet-wasm/node";
import { ctar, tempDir } from "../../helpers/paths.js";

const SMALL = ["--users", "400", "--movies", "150", "--rct-users", "20", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60", "--truth", "full", "--quiet"];

function csvRows(file: string): string[][] {
  const raw = readFileSync(file);
  const text = file.endsWith(".gz") ? gunzipSync(raw).toString() : raw.toString();
  return text.trimEnd().split("\n").slice(1).map((l) => (l.includes('"') ? [l.slice(0, l.indexOf(",")), l.slice(l.indexOf(",") + 2, -1)] : l.split(",")));
}

test("--format both: each Parquet table, read by parquet-wasm, equals its CSV", () => {
  const out = join(tempDir(), "both");
  const r = ctar(["generate", "--out", out, "--format", "both", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const tables = ["train/movie", "train/rating", "train/obstag", "train/rcttag", "test/test_1", "test/test_2", "test/test_3", "test/test", "truth/liked_tags", "truth/movie", "truth/tag", "truth/obstag_dropped", "truth/user_tag", "truth/full"];
  for (const t of tables) {
    const table = arrow.tableFromIPC(pw.readParquet(readFileSync(join(out, `${t}.parquet`))).intoIPCStream());
    const csv = csvRows(join(out, t === "truth/full" ? `${t}.csv.gz` : `${t}.csv`));
    assert.equal(table.numRows, csv.length, t);
    const names = table.schema.fields.map((f) => f.name);
    for (const f of table.schema.fields) {
      const type = String(f.type);
      if (f.name === "taglist") assert.equal(type, "List<Int32>", t);
      else if (["avg_rating", "quality", "p_rating_observed", "popularity", "tau", "p_rating", "p_obstag"].includes(f.name) && !(t === "truth/movie" && f.name === "popularity")) assert.equal(type, "Float64", `${t}.${f.name}`);
      else assert.equal(type, "Int32", `${t}.${f.name}`);
    }
    const cols = names.map((n) => [...table.getChild(n)!]);
    for (let i = 0; i < csv.length; i++) {
      for (let k = 0; k < names.length; k++) {
        const v = cols[k]![i] as unknown;
        const shown = names[k] === "taglist" ? Array.from((v as { toArray(): Int32Array }).toArray()).join(",") : String(v);
        // The CSV's shortest round-trip decimals parse to the same doubles, so the texts agree.
        const field = csv[i]![k]!;
        const want = names[k] === "taglist" ? field : String(Number(field));
        assert.equal(shown, want, `${t} row ${i + 1}, ${names[k]}`);
      }
    }
  }
});

test("--format parquet: only Parquet tables, which validate, stats and verify accept", () => {
  const out = join(tempDir(), "pq");
  assert.equal(ctar(["generate", "--out", out, "--format", "parquet", ...SMALL]).status, 0);
  assert.ok(existsSync(join(out, "train/rating.parquet")) && !existsSync(join(out, "train/rating.csv")));
  const v = ctar(["validate", out]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(ctar(["stats", out]).stdout, /rating\.csv \| \d+/);
  const ver = ctar(["verify", out]);
  assert.equal(ver.status, 0, ver.stdout + ver.stderr);
});
