/**
 * The tags task's data as tables (`ctar task tags`) and back (`ctar score TASKDIR --task tags`),
 * and the predictions `bench --predictions` writes (model,run,test_set,userid,tagid,label,score:
 * one block per (model, run), test sets named as their files).
 */
import { type BenchDataset, TEST_SETS, type TestSetName } from "../../bench/dataset.js";
import type { BenchResult } from "../../bench/run-bench.js";
import type { LabelSet } from "../../labels/label-set.js";
import type { ReadTable, TaskTable } from "../task.js";
import { needTable } from "../need-table.js";

export const PREDICTION_SET_NAMES: Record<TestSetName, string> = { I: "test_1", II: "test_2", III: "test_3", all: "test" };

const LABEL_COLUMNS = [
  { name: "userid", type: "int32" },
  { name: "tagid", type: "int32" },
  { name: "label", type: "int32" },
] as const;

function labelTable(name: string, description: string, s: LabelSet): TaskTable {
  return { name, description, columns: LABEL_COLUMNS, blocks: () => [[s.user.subarray(0, s.n), s.tag.subarray(0, s.n), Int32Array.from(s.label.subarray(0, s.n))]] };
}

export function tagTables(data: BenchDataset): TaskTable[] {
  const out: TaskTable[] = [
    { name: "sizes", description: "users and tags (ids are 0..users−1 and 0..tags−1)", columns: [{ name: "users", type: "int32" }, { name: "tags", type: "int32" }], blocks: () => [[Int32Array.of(data.users), Int32Array.of(data.tags)]] },
    { name: "catalog_tags", description: "the tags that occur on some movie (the population's tags)", columns: [{ name: "tagid", type: "int32" }], blocks: () => [[data.catalogTags]] },
    labelTable("train_obs", "OBS labels (from obstag): training data", data.labels.obs),
    labelTable("train_rct", "RCT labels (from rcttag): training data", data.labels.rct),
    labelTable("train_all", "ALL = OBS ∪ RCT: training data", data.labels.all),
  ];
  for (const name of TEST_SETS) out.push(labelTable(PREDICTION_SET_NAMES[name], `test set ${name}`, data.tests[name]));
  if (data.truth !== undefined) out.push(labelTable("truth", "τ′ over every user × catalog tag (label 1 iff the user likes the tag)", data.truth));
  return out;
}

function labelSet(t: ReadTable): LabelSet {
  return { n: t.rows, user: Int32Array.from(t.column("userid")), tag: Int32Array.from(t.column("tagid")), label: Float64Array.from(t.column("label")) };
}

export function tagsFromTables(read: (name: string) => ReadTable | undefined): BenchDataset {
  const need = (name: string) => needTable(read, "tags", name);
  const sizes = need("sizes");
  const users = sizes.column("users")[0]!;
  const tags = sizes.column("tags")[0]!;
  const tests = {} as Record<TestSetName, LabelSet>;
  for (const name of TEST_SETS) tests[name] = labelSet(need(PREDICTION_SET_NAMES[name]));
  const truth = read("truth");
  const base = {
    users,
    tags,
    catalogTags: Int32Array.from(need("catalog_tags").column("tagid")),
    labels: { obs: labelSet(need("train_obs")), rct: labelSet(need("train_rct")), all: labelSet(need("train_all")) },
    tests,
  };
  return truth === undefined ? base : { ...base, truth: labelSet(truth) };
}

/** `bench --predictions`: every score of every run, one block per (model, run). */
export function tagPredictionTables(result: BenchResult, data: BenchDataset): TaskTable {
  return {
    name: "predictions",
    description: "every score of every run: model,run,test_set,userid,tagid,label,score",
    columns: [
      { name: "model", type: "string" },
      { name: "run", type: "int32" },
      { name: "test_set", type: "string" },
      { name: "userid", type: "int32" },
      { name: "tagid", type: "int32" },
      { name: "label", type: "int32" },
      { name: "score", type: "double" },
    ],
    *blocks() {
      for (const m of result.models) {
        for (let run = 0; run < (m.predictions ?? []).length; run++) {
          const p = m.predictions![run]!;
          const n = TEST_SETS.reduce((a, name) => a + data.tests[name].n, 0);
          const user = new Int32Array(n);
          const tag = new Int32Array(n);
          const label = new Int32Array(n);
          const score = new Float64Array(n);
          const setName: string[] = [];
          let o = 0;
          for (const name of TEST_SETS) {
            const set = data.tests[name];
            user.set(set.user.subarray(0, set.n), o);
            tag.set(set.tag.subarray(0, set.n), o);
            label.set(Int32Array.from(set.label.subarray(0, set.n)), o);
            score.set(p[name], o);
            for (let i = 0; i < set.n; i++) setName.push(PREDICTION_SET_NAMES[name]);
            o += set.n;
          }
          yield [new Array<string>(n).fill(m.name), new Int32Array(n).fill(run), setName, user, tag, label, score];
        }
      }
    },
  };
}
