// The TSDoc example of src/models/model.ts, compiled and run (keep the two in sync).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Model } from "../../src/models/model.js";
// A popularity baseline: each tag's share of positive labels in ALL, shrunk towards ¼.
export const tagShare: Model<{ prior: number }> = {
  name: "tag-share",
  description: "positive share of each tag in ALL, shrunk towards 1/4",
  defaults: { prior: 1 },
  train(data, options) {
    const pos = new Float64Array(data.tags);
    const cnt = new Float64Array(data.tags);
    for (let i = 0; i < data.all.n; i++) {
      const t = data.all.tag[i]!;
      cnt[t] = cnt[t]! + 1;
      pos[t] = pos[t]! + data.all.label[i]!;
    }
    return {
      predict(_user, tag, out) {
        for (let i = 0; i < tag.length; i++) {
          const t = tag[i]!;
          out[i] = (pos[t]! + 0.25 * options.prior) / (cnt[t]! + options.prior);
        }
      },
    };
  },
};
// then: await runBench(data, { models: [tagShare, mf], runs: 5, seed: 0, epochs: 100, workers: 1 })
test("the documented user-model example trains and predicts", () => {
  const set = { n: 4, user: Int32Array.from([0, 1, 0, 1]), tag: Int32Array.from([0, 0, 1, 1]), label: Float64Array.from([1, 1, 0, 1]) };
  const p = tagShare.train({ users: 2, tags: 2, obs: set, rct: set, all: set }, { prior: 1 }, { epochs: 1, precision: "f64", stream: () => { throw new Error("unused"); } });
  const out = new Float64Array(2);
  p.predict(Int32Array.from([0, 0]), Int32Array.from([0, 1]), out);
  // tag 0: (2 + 0.25)/(2 + 1) = 0.75; tag 1: (1 + 0.25)/(2 + 1) = 0.41666…
  assert.deepEqual(Array.from(out), [0.75, 1.25 / 3]);
});

test("a user model and a built-in one go in the same bench list without casts", async () => {
  const { mf } = await import("../../src/models/mf.js");
  const { runBench } = await import("../../src/bench/run-bench.js");
  const models = [tagShare, mf];
  assert.equal(typeof runBench, "function");
  assert.deepEqual(models.map((m) => m.name), ["tag-share", "mf"]);
  // type check only: this must compile
  const _config: Parameters<typeof runBench>[1] = { models, runs: 1, seed: 0, epochs: 1, workers: 1 };
  assert.equal(_config.models.length, 2);
});
