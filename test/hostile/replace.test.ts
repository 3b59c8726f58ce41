/**
 * What the one writer may replace (docs/failures.md, "What may be replaced"): an empty folder, or ctar's
 * own earlier output of the same kind, recognised by its marker — never the command's own input
 * (links resolved), never a folder of another kind, never a device, never a file inside a
 * folder ctar wrote; and a folder `--force` cannot delete is refused before the work, left as it
 * was. Every refusal: one line, exit 2 (a refused --out) or 5 (the OS), the target unchanged.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { expectFailure, litterIn, run } from "./harness.js";
import { SMALL, baseParts, datasetCopy, scratch } from "./fixtures.js";

const snapshot = (d: string) => readdirSync(d, { recursive: true, encoding: "utf8" }).sort().join("\n");
const rating = (d: string) => readFileSync(join(d, "train/rating.csv"), "utf8");
const ok = async (args: string[]) => {
  const r = await run(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}\n${r.stderr}`);
  return r;
};

describe("the command's own input is never the output", { concurrency: 4 }, () => {
  it("export DS --out DS --force: refused, the dataset kept", async () => {
    const d = datasetCopy();
    const before = snapshot(d);
    await expectFailure({ args: ["export", d, "--to", "cornac", "--out", d, "--force"], code: 2, match: /--out .*ds: is the command's input/, clean: [join(d, "..")] });
    assert.equal(snapshot(d), before);
  });
  it("export DS --out DS/sub: refused (it would change the input)", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["export", d, "--to", "recbole", "--out", join(d, "sub")], code: 2, match: /sub: lies inside the command's input/, absent: [join(d, "sub")] });
  });
  it("export into the folder that holds the dataset, --force: refused (it would delete the input)", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["export", d, "--to", "cornac", "--out", join(d, ".."), "--force"], code: 2, match: /holds the command's input/ });
    assert.ok(existsSync(join(d, "config.json")));
  });
  it("regenerate LINK --out DS --force, LINK → DS: refused through the link", async () => {
    const d = datasetCopy();
    const link = join(d, "..", "link");
    symlinkSync(d, link);
    const before = rating(d);
    await expectFailure({ args: ["regenerate", link, "--out", d, "--force"], code: 2, match: /--out .*ds: is the command's input .*link \(.*ds once links are resolved\)/, clean: [join(d, "..")] });
    assert.equal(rating(d), before);
  });
  it("merge P0 P1 --out P1 --force: refused, the part kept", async () => {
    const [a, b] = baseParts();
    await expectFailure({ args: ["merge", a, b, "--out", b, "--force"], code: 2, match: /part-1: is the command's input/ });
    assert.ok(existsSync(join(b, "part.json")));
  });
  it("bench DS --out DS: refused as the input", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["bench", d, "--out", d, "--runs", "1", "--epochs", "1", "--models", "mf"], code: 2, match: /ds: is the command's input/ });
    assert.ok(existsSync(join(d, "config.json")));
  });
  it("graph convert G --out G: refused", async () => {
    const g = join(scratch(), "g.yaml");
    writeFileSync(g, (await ok(["graph", "show", "--format", "yaml"])).stdout);
    const before = readFileSync(g, "utf8");
    await expectFailure({ args: ["graph", "convert", g, "--to", "json", "--out", g], code: 2, match: /--out .*g\.yaml: is the command's input/ });
    assert.equal(readFileSync(g, "utf8"), before);
  });
});

describe("--force replaces only an earlier output of the same kind", { concurrency: 4 }, () => {
  it("export over an export (marked by ctar-output.json): replaced", async () => {
    const d = datasetCopy();
    const out = join(d, "..", "exp");
    await ok(["export", d, "--to", "cornac", "--out", out, "--quiet"]);
    assert.match(readFileSync(join(out, "ctar-output.json"), "utf8"), /"kind": "export"/);
    await ok(["export", d, "--to", "recbole", "--out", out, "--force", "--quiet"]);
    assert.ok(existsSync(join(out, "ctar/ctar.inter")));
    assert.deepEqual(litterIn(join(out, "..")), []);
  });
  it("export over another dataset, --force: refused, that dataset kept", async () => {
    const d = datasetCopy();
    const other = datasetCopy();
    const before = snapshot(other);
    await expectFailure({ args: ["export", d, "--to", "cornac", "--out", other, "--force"], code: 2, match: /ds: is a ctar dataset, not a ctar export/ });
    assert.equal(snapshot(other), before);
  });
  it("generate over an export, --force: refused", async () => {
    const d = datasetCopy();
    const out = join(d, "..", "exp");
    await ok(["export", d, "--to", "cornac", "--out", out, "--quiet"]);
    await expectFailure({ args: ["generate", "--out", out, "--force", ...SMALL], code: 2, match: /exp: is a ctar export, not a ctar dataset/ });
    assert.ok(existsSync(join(out, "rating.txt")));
  });
  it("a retried shard job replaces its own part (--force)", async () => {
    const out = join(scratch(), "part");
    await ok(["generate", "--out", out, "--quiet", "--shard", "0/2", ...SMALL]);
    await ok(["generate", "--out", out, "--quiet", "--force", "--shard", "0/2", ...SMALL]);
    assert.ok(existsSync(join(out, "part.json")));
    assert.deepEqual(litterIn(join(out, "..")), []);
  });
  it("a part never replaces a dataset", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["generate", "--out", d, "--force", "--shard", "0/2", ...SMALL], code: 2, match: /ds: is a ctar dataset, not a ctar part/ });
  });
  it("replicates over earlier replicates (--force): replaced", async () => {
    const out = join(scratch(), "reps");
    await ok(["generate", "--out", out, "--quiet", "--replicates", "2", ...SMALL]);
    await ok(["generate", "--out", out, "--quiet", "--force", "--replicates", "2", "--seed", "5", ...SMALL]);
    assert.deepEqual(readdirSync(out).filter((n) => n.startsWith("seed-")).sort(), ["seed-5", "seed-6"]);
  });
  it("a dataset never replaces a replicates folder", async () => {
    const out = join(scratch(), "reps");
    await ok(["generate", "--out", out, "--quiet", "--replicates", "2", ...SMALL]);
    await expectFailure({ args: ["generate", "--out", out, "--force", ...SMALL], code: 2, match: /reps: is a ctar replicates folder, not a ctar dataset/ });
    assert.ok(existsSync(join(out, "summary.json")));
  });
});

describe("single output files", { concurrency: 4 }, () => {
  it("report --out a device node: refused, the node left", async () => {
    // a node of our own (never /dev/null: a build with the defect would replace it for the whole machine)
    const node = join(scratch(), "null");
    if (spawnSync("mknod", [node, "c", "1", "3"]).status !== 0) execFileSync("mkfifo", [node]); // not root: a FIFO is not regular either
    await expectFailure({ args: ["report", datasetCopy(), "--out", node], code: 5, match: /null: not a regular file \(expected a file name for the report\)/, clean: [join(node, "..")] });
    assert.ok(!lstatSync(node).isFile());
  });
  it("report --out DS/train/rating.csv: refused, the file unchanged", async () => {
    const d = datasetCopy();
    const before = rating(d);
    await expectFailure({ args: ["report", d, "--out", join(d, "train/rating.csv")], code: 2, match: /rating\.csv: lies inside the command's input/, clean: [join(d, "train")] });
    assert.equal(rating(d), before);
  });
  it("report --out into another dataset: refused (a file inside a ctar output)", async () => {
    const d = datasetCopy();
    const other = datasetCopy();
    await expectFailure({ args: ["report", d, "--out", join(other, "report.html")], code: 2, match: /report\.html: lies inside .*ds, a ctar dataset/, absent: [join(other, "report.html")] });
  });
  it("ope --save-policy DS/train/rating.csv: refused, the file unchanged", async () => {
    const d = datasetCopy();
    const before = rating(d);
    await expectFailure({ args: ["ope", d, "--policy", "popularity", "--save-policy", join(d, "train/rating.csv")], code: 2, match: /--save-policy .*rating\.csv: lies inside the command's input/ });
    assert.equal(rating(d), before);
  });
  it("ope --save-policy over its own --policy file: refused", async () => {
    const d = datasetCopy();
    const p = join(scratch(), "p.csv");
    await ok(["ope", d, "--policy", "popularity", "--save-policy", p]);
    const before = readFileSync(p, "utf8");
    await expectFailure({ args: ["ope", d, "--policy", p, "--save-policy", p], code: 2, match: /p\.csv: is the command's input/ });
    assert.equal(readFileSync(p, "utf8"), before);
  });
});

const openDirs: string[] = [];
after(() => {
  for (const d of openDirs) rmSync(d, { recursive: true, force: true });
});
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

describe("a folder --force cannot delete", { concurrency: 2 }, () => {
  it("is refused before the work, exit 5, left as it was; the next run is not blocked", async () => {
    const d = mkdtempSync("/tmp/ctar-hostile-undeletable-");
    openDirs.push(d);
    const ds = join(d, "ds");
    execFileSync("cp", ["-r", datasetCopy(), ds]);
    if (asNobody !== undefined) execFileSync("chown", ["-R", "65534:65534", d]);
    chmodSync(join(ds, "train"), 0o555); // its files cannot be unlinked
    const before = rating(ds);
    const options = asNobody === undefined ? {} : { ...asNobody };
    await expectFailure({ args: ["generate", "--out", ds, "--force", ...SMALL, "--seed", "4"], code: 5, match: /ds: cannot replace it: train cannot be emptied \(permission denied, EACCES\); it was left as it was/, clean: [d], options });
    assert.equal(rating(ds), before);
    chmodSync(join(ds, "train"), 0o755);
    const again = await run(["generate", "--out", ds, "--force", "--quiet", ...SMALL, "--seed", "4"], options);
    assert.equal(again.status, 0, again.stderr);
    assert.notEqual(rating(ds), before);
    assert.deepEqual(litterIn(d), []);
  });
  it("litter a dead writer left that cannot be removed does not block the target: a note, the run goes on", async () => {
    const d = mkdtempSync("/tmp/ctar-hostile-stuck-");
    openDirs.push(d);
    const ds = join(d, "ds");
    execFileSync("cp", ["-r", datasetCopy(), ds]);
    const stuck = join(d, ".ds.old-999999999"); // a PID no process has
    execFileSync("cp", ["-r", datasetCopy(), stuck]);
    if (asNobody !== undefined) execFileSync("chown", ["-R", "65534:65534", d]);
    chmodSync(join(stuck, "train"), 0o555);
    const options = asNobody === undefined ? {} : { ...asNobody };
    const r = await run(["generate", "--out", ds, "--force", "--quiet", ...SMALL, "--seed", "4"], options);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^ctar: note: could not remove .*\.ds\.old-999999999, left by ctar PID 999999999 \(gone\) \(permission denied, EACCES\); remove it by hand$/m);
    assert.ok(existsSync(join(ds, "config.json")));
    chmodSync(join(stuck, "train"), 0o755);
  });
});
