/**
 * `bench --predictions`: every score a run gave, so that users compute their own metrics:
 * predictions.csv (model,run,test_set,userid,tagid,label,score; test_set named as its file:
 * test_1, test_2, test_3, test) or predictions.parquet (the same columns, one row group per
 * (model, run), written as they are produced). Scores print in full precision (shortest
 * round-trip form), so the metrics recomputed from the file equal the bench's.
 */
import type { BenchDataset, TestSetName } from "../../bench/dataset.js";
import { TEST_SETS } from "../../bench/dataset.js";
import type { BenchResult } from "../../bench/run-bench.js";
import { CsvWriter } from "../tables/csv-writer.js";
import { openParquetTable } from "../tables/parquet/table-writer.js";

export const PREDICTION_SET_NAMES: Record<TestSetName, string> = { I: "test_1", II: "test_2", III: "test_3", all: "test" };

export type PredictionsFormat = "csv" | "parquet";

export function writePredictions(file: string, format: PredictionsFormat, result: BenchResult, data: BenchDataset): number {
  let rows = 0;
  if (format === "csv") {
    const w = new CsvWriter(file, "model,run,test_set,userid,tagid,label,score");
    for (const m of result.models) {
      (m.predictions ?? []).forEach((p, run) => {
        for (const name of TEST_SETS) {
          const set = data.tests[name];
          const s = p[name];
          for (let i = 0; i < set.n; i++) w.line(`${m.name},${run},${PREDICTION_SET_NAMES[name]},${set.user[i]},${set.tag[i]},${set.label[i]},${s[i]}`);
          rows += set.n;
        }
      });
    }
    w.close();
    return rows;
  }
  const w = openParquetTable(file, [
    { name: "model", type: "string" },
    { name: "run", type: "int32" },
    { name: "test_set", type: "string" },
    { name: "userid", type: "int32" },
    { name: "tagid", type: "int32" },
    { name: "label", type: "int32" },
    { name: "score", type: "double" },
  ]);
  try {
    for (const m of result.models) {
      (m.predictions ?? []).forEach((p, run) => {
        const n = TEST_SETS.reduce((a, name) => a + data.tests[name].n, 0);
        const user = new Int32Array(n);
        const tag = new Int32Array(n);
        const label = new Int32Array(n);
        const score = new Float64Array(n);
        const setName: string[] = [];
        let o = 0;
        for (const name of TEST_SETS) {
          const set = data.tests[name];
          user.set(set.user, o);
          tag.set(set.tag, o);
          label.set(Int32Array.from(set.label), o);
          score.set(p[name], o);
          for (let i = 0; i < set.n; i++) setName.push(PREDICTION_SET_NAMES[name]);
          o += set.n;
        }
        w.writeRowGroup([new Array<string>(n).fill(m.name), new Int32Array(n).fill(run), setName, user, tag, label, score]);
        rows += n;
      });
    }
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
  return rows;
}
