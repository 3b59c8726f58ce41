/**
 * `ctar regenerate DIR --out NEW` rebuilds a dataset from its config.json alone, byte for byte
 * (the card's date is pinned by SOURCE_DATE_EPOCH, so README.md and croissant.json are compared
 * too), from another working directory; it refuses a changed catalog or module with one line and
 * leaves nothing behind. `generate --config DIR/config.json` reruns the recorded run.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type CliResult, REPO, ctarAsync, inBatches, sameFiles, tempDir } from "../helpers/paths.js";
import { tinyCatalogFiles, writeCatalog } from "../helpers/tiny-catalog.js";

const SMALL = ["--users", "300", "--movies", "200", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];
const TINY = ["--users", "50", "--movies", "30", "--rct-users", "5", "--test2-draws", "40", "--test2-positives", "10", "--test3-draws", "30", "--test3-positives", "9"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };

function run(args: readonly string[], cwd = REPO): Promise<CliResult> {
  return ctarAsync(args, { cwd, env: ENV });
}

function ok(r: CliResult, what: string): void {
  assert.equal(r.status, 0, `${what}: ${r.stderr}`);
}

/** A copy of examples/user-activity (graph.yaml and activity.mjs) that a test may change. */
function userActivityCopy(root: string): string {
  const dir = join(root, "user-activity");
  cpSync(join(REPO, "examples/user-activity"), dir, { recursive: true });
  return join(dir, "graph.yaml");
}

test("regenerate rebuilds the preset, --compat reference, --do, --truth full and --graph datasets byte for byte from another folder", async () => {
  const root = tempDir();
  const graph = userActivityCopy(root);
  const cases: Record<string, string[]> = {
    preset: [],
    reference: ["--compat", "reference"],
    do: ["--do", "R_R=uniform:0.02", "--do", "RecSys=uniform"],
    full: ["--truth", "full"],
    graph: ["--graph", graph, "--do", "R_O=uniform:0.007"],
  };
  const names = Object.keys(cases);
  const made = await inBatches(names.map((n) => () => run(["generate", "--out", join(root, "data", n), "--quiet", ...SMALL, ...cases[n]!])));
  made.forEach((r, i) => ok(r, `generate ${names[i]}`));
  const elsewhere = join(root, "elsewhere");
  mkdirSync(elsewhere);
  // relative DIR and --out, from a folder that is neither the repository nor the datasets' parent
  const again = await inBatches(names.map((n) => () => run(["regenerate", join("..", "data", n), "--out", join("..", "again", n), "--quiet"], elsewhere)));
  again.forEach((r, i) => ok(r, `regenerate ${names[i]}`));
  again.forEach((r, i) => assert.equal(r.stderr, "", `regenerate ${names[i]}: no warning at the same depth`));
  for (const n of names) sameFiles(join(root, "data", n), join(root, "again", n), `regenerate ${n}`);
  const doc = JSON.parse(readFileSync(join(root, "data/graph/config.json"), "utf8")) as Record<string, { path: string; sha256: string; text?: string }[] & { path: string }>;
  assert.equal(doc["graphFile"]!.path, "../../user-activity/graph.yaml", "the graph file is recorded relative to the dataset folder");
  assert.equal(doc["modules"]![0]!.text, readFileSync(join(root, "user-activity/activity.mjs"), "utf8"), "a small module is embedded");
  // the truth level and the interventions came from config.json, not from flags
  assert.ok(existsSync(join(root, "again/full/truth/full.csv.gz")));
});

test("regenerate uses a module's embedded text when its file is gone, and refuses a changed module", async () => {
  const root = tempDir();
  const graph = userActivityCopy(root);
  ok(await run(["generate", "--out", join(root, "a"), "--quiet", "--graph", graph, ...SMALL]), "generate");
  const module = join(root, "user-activity/activity.mjs");
  const text = readFileSync(module, "utf8");
  rmSync(join(root, "user-activity"), { recursive: true });
  ok(await run(["regenerate", join(root, "a"), "--out", join(root, "b"), "--quiet"]), "regenerate from the embedded module");
  sameFiles(join(root, "a"), join(root, "b"), "regenerate from the embedded module");
  mkdirSync(join(root, "user-activity"));
  writeFileSync(module, `${text}\n// changed\n`);
  const r = await run(["regenerate", join(root, "a"), "--out", join(root, "c")]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /^ctar: .*activity\.mjs: not the mechanism module this dataset was generated with \(SHA-256 [0-9a-f]{12}…, .*config\.json records [0-9a-f]{12}…\)\n$/);
  assert.ok(!existsSync(join(root, "c")), "nothing written");
  assert.deepEqual(readdirSync(root).filter((f) => f.startsWith(".")), [], "no temporary folder left");
});

test("a folder catalog is recorded by hash relative to the dataset; regenerate, verify and generate --config find it from anywhere and refuse a changed one", async () => {
  const root = tempDir();
  writeCatalog(join(root, "cat"), tinyCatalogFiles());
  // the catalog typed relative to the working directory (root), the way the failure began
  ok(await run(["generate", "--out", join(root, "runs/a"), "--quiet", "--catalog", "cat", ...TINY], root), "generate");
  const doc = JSON.parse(readFileSync(join(root, "runs/a/config.json"), "utf8")) as { catalog: { kind: string; path: string; sha256: Record<string, string> } };
  assert.equal(doc.catalog.kind, "folder");
  assert.equal(doc.catalog.path, "../../cat");
  assert.match(doc.catalog.sha256["movie_tag_ct.csv"]!, /^[0-9a-f]{64}$/);
  const elsewhere = join(root, "runs");
  ok(await run(["regenerate", "a", "--out", "b", "--quiet"], elsewhere), "regenerate");
  sameFiles(join(root, "runs/a"), join(root, "runs/b"), "regenerate with a folder catalog");
  const deep = await run(["regenerate", "a", "--out", "deep/b", "--quiet"], elsewhere);
  ok(deep, "regenerate deeper");
  assert.match(deep.stderr, /^ctar: warning: deep\/b\/config\.json keeps the input paths recorded relative to a .*do not reach the recorded inputs\n$/);
  assert.equal(readFileSync(join(root, "runs/a/config.json"), "utf8"), readFileSync(join(root, "runs/deep/b/config.json"), "utf8"));
  ok(await run(["verify", "a"], elsewhere), "verify from another folder");
  ok(await run(["ope", "a", "--policy", "popularity"], elsewhere), "ope from another folder");
  ok(await run(["generate", "--config", "a/config.json", "--out", "c", "--quiet"], elsewhere), "generate --config");
  for (const f of ["train/rating.csv", "train/obstag.csv", "test/test.csv", "truth/movie.csv"]) {
    assert.ok(readFileSync(join(root, "runs/a", f)).equals(readFileSync(join(root, "runs/c", f))), `generate --config: ${f}`);
  }

  // a changed catalog file: refused, naming the file; --catalog with the original copy works
  cpSync(join(root, "cat"), join(root, "cat-copy"), { recursive: true });
  writeFileSync(join(root, "cat/movie_rating.csv"), `${readFileSync(join(root, "cat/movie_rating.csv"), "utf8")}999,3.0\n`);
  const r = await run(["regenerate", "a", "--out", "d"], elsewhere);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /^ctar: .*cat\/movie_rating\.csv: not the catalog this dataset was generated from \(SHA-256 [0-9a-f]{12}…, .*config\.json records [0-9a-f]{12}…\)\n$/);
  assert.ok(!existsSync(join(elsewhere, "d")));
  const v = await run(["verify", "a"], elsewhere);
  assert.equal(v.status, 3, "verify refuses the changed catalog too");
  ok(await run(["regenerate", "a", "--out", "e", "--catalog", "../cat-copy", "--quiet"], elsewhere), "regenerate --catalog");
  sameFiles(join(root, "runs/a"), join(root, "runs/e"), "regenerate --catalog");

  // a missing catalog: refused, saying what to do
  rmSync(join(root, "cat"), { recursive: true });
  const m = await run(["regenerate", "a", "--out", "f"], elsewhere);
  assert.equal(m.status, 3);
  assert.match(m.stderr, /^ctar: .*movie_rating\.csv: catalog file not found \(recorded as \.\.\/\.\.\/cat, relative to a; give the folder with --catalog FOLDER\)\n$/);
  assert.ok(!existsSync(join(elsewhere, "f")));
});

test("generate --config DIR/config.json reruns the recorded run (interventions and truth level too); flags override it", async () => {
  const root = tempDir();
  ok(await run(["generate", "--out", join(root, "a"), "--quiet", "--do", "R_R=uniform:0.02", ...SMALL]), "generate");
  ok(await run(["generate", "--config", join(root, "a/config.json"), "--out", join(root, "b"), "--quiet"]), "generate --config");
  sameFiles(join(root, "a"), join(root, "b"), "generate --config DIR/config.json");
  ok(await run(["generate", "--config", join(root, "a/config.json"), "--seed", "5", "--out", join(root, "c"), "--quiet"]), "generate --config --seed");
  const c = JSON.parse(readFileSync(join(root, "c/config.json"), "utf8")) as { seed: number; interventions: Array<{ text: string }> };
  assert.equal(c.seed, 5);
  assert.deepEqual(c.interventions.map((i) => i.text), ["R_R=uniform:0.02"]);
  assert.ok(!readFileSync(join(root, "a/train/rating.csv")).equals(readFileSync(join(root, "c/train/rating.csv"))), "another seed, other ratings");
});

test("regenerate refuses a folder without config.json and --out equal to DIR", async () => {
  const root = tempDir();
  const r = await run(["regenerate", root, "--out", join(root, "x")]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^ctar: .*config\.json: file not found \(expected a dataset folder written by 'ctar generate'\)\n$/);
  assert.ok(!existsSync(join(root, "x")));
  const s = await run(["regenerate", root, "--out", root]);
  assert.equal(s.status, 2);
  assert.match(s.stderr, /is the command's input/);
});
