/**
 * How the ratings task's MF decays were chosen (docs/tasks.md#baselines), re-run: MF's validation
 * MSE for each decay of its factors and biases, on the validation split of a world that is not
 * the reference one (`ctar generate --seed 1`, `--split 5,45,50`: ~1,500 validation pairs), two
 * runs each, beside each movie's mean observed rating; then, on the default world, the exact
 * population risk of the best predictor E[R | u, m], of the best one that sees only the movie,
 * and of the overall mean, which say how much a user × movie term can gain. Not part of `npm run
 * bench`; run alone (a few minutes on one core): `node dist/bench/ratings-mf-decay.js`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LabelSet } from "../src/labels/label-set.js";
import { taskSource } from "../src/io/tasks/task-source.js";
import { SeedTree } from "../src/rng/stream.js";
import { ratingMf } from "../src/tasks/ratings/baselines.js";
import { trainData } from "../src/tasks/ratings/ratings-bench.js";
import type { RatingsData } from "../src/tasks/ratings/ratings-data.js";
import { sampledScores } from "../src/tasks/ratings/ratings-metrics.js";
import { PopulationRisk, type PopulationTruth } from "../src/tasks/ratings/population-risk.js";
import { ratingsTask } from "../src/tasks/ratings/ratings-task.js";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "../bundle/main.js");

/** [factors decay, biases decay] tried (biases decay = factors decay: the single-decay model). */
const DECAYS: readonly (readonly [number, number])[] = [[0, 0], [1e-4, 1e-4], [3e-4, 3e-4], [1e-3, 1e-3], [1e-2, 1e-2], [2e-4, 1e-4], [3e-4, 1e-4], [5e-4, 1e-4], [1e-3, 1e-4], [1e-3, 3e-5]];

async function load(dir: string, split: string): Promise<RatingsData> {
  return ratingsTask.load(taskSource(dir, "bench"), { split, "uniform-users": "1/3", "uniform-movies": "10", "split-seed": "0", "prediction-pairs": "test" }, 0);
}

/** Each movie's mean observed rating (the overall mean for a movie never rated). */
function movieMeans(d: RatingsData): Float64Array {
  const s = new Float64Array(d.movies);
  const n = new Float64Array(d.movies);
  let total = 0;
  for (let i = 0; i < d.mnar.n; i++) {
    s[d.mnar.tag[i]!]! += d.mnar.label[i]!;
    n[d.mnar.tag[i]!]!++;
    total += d.mnar.label[i]!;
  }
  return Float64Array.from(s, (x, m) => (n[m]! > 0 ? x / n[m]! : total / d.mnar.n));
}

const mse = (set: LabelSet, predict: (out: Float64Array) => void) => {
  const out = new Float64Array(set.n);
  predict(out);
  return sampledScores(set, out).mse!;
};

/** |TL_{u,m}| of user u for every movie (|TM_m ∩ TU_u|), capped at the moment tables' width. */
function overlaps(t: PopulationTruth, u: number, liked: Uint8Array, out: Int32Array): void {
  for (let i = t.tuStart[u]!; i < t.tuStart[u + 1]!; i++) liked[t.tuTag[i]!] = 1;
  for (let m = 0; m < t.movies; m++) {
    let k = 0;
    for (let i = t.tmStart[m]!; i < t.tmStart[m + 1]!; i++) k += liked[t.tmTag[i]!]!;
    out[m] = Math.min(k, t.width - 1);
  }
  for (let i = t.tuStart[u]!; i < t.tuStart[u + 1]!; i++) liked[t.tuTag[i]!] = 0;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "ctar-bench-mf-decay-"));
  try {
    const tuning = join(root, "seed-1");
    const reference = join(root, "default");
    execFileSync(process.execPath, [CLI, "generate", "--seed", "1", "--out", tuning, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync(process.execPath, [CLI, "generate", "--out", reference, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
    const d = await load(tuning, "5,45,50");
    const v = d.validation;
    console.log(`## MF's validation MSE (ctar generate --seed 1, --split 5,45,50: ${v.n} validation pairs; 2 runs, 100 epochs)\n`);
    console.log("| factors decay | biases decay | validation MSE |\n|---|---|---|");
    const train = trainData(d);
    for (const [weightDecay, biasDecay] of DECAYS) {
      let sum = 0;
      for (let run = 0; run < 2; run++) {
        const tree = new SeedTree(0);
        const model = ratingMf.train(train, { ...ratingMf.defaults, weightDecay, biasDecay }, { epochs: 100, precision: "f32", stream: (p) => tree.stream("ratings", "mf", run, p) });
        sum += mse(v, (out) => model.predict(v.user, v.tag, out));
      }
      console.log(`| ${weightDecay} | ${biasDecay} | ${(sum / 2).toFixed(4)} |`);
    }
    const means = movieMeans(d);
    console.log(`| (each movie's mean observed rating) | | ${mse(v, (out) => out.forEach((_, i) => (out[i] = means[v.tag[i]!]!))).toFixed(4)} |\n`);

    const r = await load(reference, "5,5,90");
    if ("reason" in r.population) throw new Error(r.population.reason);
    const t = r.population;
    const pop = new PopulationRisk(t);
    const liked = new Uint8Array([...t.tuTag, ...t.tmTag].reduce((a, x) => Math.max(a, x + 1), 0));
    const k = new Int32Array(t.movies);
    const bayes = pop.risk((u, out) => {
      overlaps(t, u, liked, k);
      for (let m = 0; m < t.movies; m++) out[m] = t.mean[m * t.width + k[m]!]!;
    });
    const movieOnly = new Float64Array(t.movies);
    for (let u = 0; u < t.users; u++) {
      overlaps(t, u, liked, k);
      for (let m = 0; m < t.movies; m++) movieOnly[m]! += t.mean[m * t.width + k[m]!]! / t.users;
    }
    const overall = movieOnly.reduce((a, x) => a + x, 0) / t.movies;
    const observed = movieMeans(r);
    console.log("## Population risk on the default world (ctar generate --out X)\n");
    console.log("| predictor | population risk |\n|---|---|");
    console.log(`| E[R \\| u, m] (the best possible) | ${bayes.toFixed(4)} |`);
    console.log(`| E_u[E[R \\| u, m]] (the best that sees only the movie) | ${pop.risk((_, out) => out.set(movieOnly)).toFixed(4)} |`);
    console.log(`| each movie's mean observed rating | ${pop.risk((_, out) => out.set(observed)).toFixed(4)} |`);
    console.log(`| the overall mean | ${pop.risk((_, out) => out.fill(overall)).toFixed(4)} |`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
