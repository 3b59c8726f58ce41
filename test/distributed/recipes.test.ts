/**
 * The recipes of examples/distributed/ run as written: their exact commands, on this machine, with
 * the index variables their schedulers set (JOB_COMPLETION_INDEX for the Kubernetes Indexed Job,
 * SLURM_ARRAY_TASK_ID for the Slurm array, GNU parallel's {} substitution), `ctar` on the PATH and
 * a small configuration in place of their ctar.yaml; each merged dataset must be byte-identical to
 * a one-machine run of the same configuration.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { CLI, REPO, ctar, sameFiles, tempDir } from "../helpers/paths.js";

const RECIPES = join(REPO, "examples/distributed");
const SMALL = "users: 3000\nmovies: 200\nseed: 5\ntest2: { draws: 1000, positives: 300 }\ntest3: { draws: 800, positives: 240 }\n";

function setUp(): { root: string; env: NodeJS.ProcessEnv; single: string } {
  const root = tempDir("ctar-recipes-");
  const bin = join(root, "bin");
  mkdirSync(bin);
  const shim = join(bin, "ctar");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(shim, 0o755);
  const config = join(root, "ctar.yaml");
  writeFileSync(config, SMALL);
  const single = join(root, "single");
  const r = ctar(["generate", "--config", config, "--out", single, "--quiet"]);
  assert.equal(r.status, 0, r.stderr);
  return { root, single, env: { ...process.env, PATH: `${bin}:${process.env["PATH"]}`, CONFIG: config } };
}

function sh(command: string, env: NodeJS.ProcessEnv, what: string, shell = "sh"): void {
  const r = spawnSync(shell, shell === "sh" ? ["-c", command] : [command], { env, encoding: "utf8", cwd: RECIPES });
  assert.equal(r.status, 0, `${what}: exit ${r.status}\n${r.stderr}`);
}

interface Container {
  command: string[];
  env?: Array<{ name: string; value: string }>;
}

test("Kubernetes: the Indexed Job's command for each JOB_COMPLETION_INDEX, then the merge Job's", () => {
  const { root, env, single } = setUp();
  const docs = parseAllDocuments(readFileSync(join(RECIPES, "k8s-indexed-job.yaml"), "utf8")).map((d) => d.toJS() as Record<string, any>);
  const jobs = docs.filter((d) => d["kind"] === "Job");
  const generate = jobs.find((j) => j["spec"]["completionMode"] === "Indexed")!;
  const merge = jobs.find((j) => j !== generate)!;
  assert.ok(generate && merge, "an Indexed Job and a merge Job");
  const completions = generate["spec"]["completions"] as number;
  const parts = join(root, "parts");
  mkdirSync(parts);
  const run = (job: Record<string, any>, extra: NodeJS.ProcessEnv, what: string) => {
    const c = job["spec"]["template"]["spec"]["containers"][0] as Container;
    const own = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
    // The manifest's own values, with this machine's paths for the volume, the config and ctar.
    const e = { ...env, ...own, CTAR: "ctar", CONFIG: env["CONFIG"], PARTS: parts, OUT: join(root, "k8s-data"), ...extra };
    assert.deepEqual(c.command.slice(0, 2), ["sh", "-c"]);
    sh(c.command[2]!, e, what);
  };
  for (let i = 0; i < completions; i++) run(generate, { JOB_COMPLETION_INDEX: String(i) }, `shard pod ${i}`);
  run(merge, {}, "merge");
  sameFiles(single, join(root, "k8s-data"), "Kubernetes recipe");
});

test("Slurm: generate.sbatch for each SLURM_ARRAY_TASK_ID of its --array, then merge.sbatch", () => {
  const { root, env, single } = setUp();
  const script = readFileSync(join(RECIPES, "generate.sbatch"), "utf8");
  const array = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(script);
  assert.ok(array, "the script declares its array");
  const parts = join(root, "parts");
  const e = { ...env, PARTS: parts, OUT: join(root, "slurm-data"), SLURM_CPUS_PER_TASK: "2" };
  for (let i = Number(array[1]); i <= Number(array[2]); i++) sh(join(RECIPES, "generate.sbatch"), { ...e, SLURM_ARRAY_TASK_ID: String(i) }, `array task ${i}`, "bash");
  sh(join(RECIPES, "merge.sbatch"), e, "merge", "bash");
  sameFiles(single, join(root, "slurm-data"), "Slurm recipe");
});

const parallel = spawnSync("parallel", ["--version"], { encoding: "utf8" });
test("GNU parallel: parallel.sh as written", { skip: parallel.status === 0 ? false : "GNU parallel is not installed (CI installs Debian's 'parallel')" }, () => {
  const { root, env, single } = setUp();
  sh(join(RECIPES, "parallel.sh"), { ...env, PARTS: join(root, "parts"), OUT: join(root, "parallel-data") }, "parallel.sh", "bash");
  sameFiles(single, join(root, "parallel-data"), "GNU parallel recipe");
});
