/**
 * Output paths the OS refuses or ctar must not touch: one line `ctar: PATH: what failed (OS
 * reason)`, exit 5 (filesystem) or 2 (a refused --out), the temporary output removed, and an
 * existing target left exactly as it was. EACCES is produced by running as `nobody` when the
 * suite runs as root; ENOSPC and EROFS by a small tmpfs, when this machine allows mounting one.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { after, describe, it } from "node:test";
import { expectFailure, litterIn } from "./harness.js";
import { SMALL, datasetCopy, scratch } from "./fixtures.js";

const snapshot = (d: string) => readdirSync(d, { recursive: true, encoding: "utf8" }).sort().map((f) => `${f}`).join("\n");
const ratingOf = (d: string) => readFileSync(join(d, "train/rating.csv"), "utf8");

describe("output paths", { concurrency: 4 }, () => {
  it("--out under a file", async () => {
    const f = join(scratch(), "file");
    writeFileSync(f, "x");
    await expectFailure({ args: ["generate", "--out", join(f, "out"), ...SMALL], code: 5, match: /file\/out: .*file is not a folder \(ENOTDIR\)/ });
  });
  it("--out at a file", async () => {
    const f = join(scratch(), "file");
    writeFileSync(f, "x");
    await expectFailure({ args: ["generate", "--out", f, ...SMALL], code: 5, match: /file: exists and is not a folder/ });
    assert.equal(readFileSync(f, "utf8"), "x");
  });
  it("--out / --force", async () => {
    await expectFailure({ args: ["generate", "--out", "/", "--force", ...SMALL], code: 5, match: /^ctar: \/: cannot write output as the root folder/ });
  });
  it("--out in /proc (the kernel refuses)", async () => {
    await expectFailure({ args: ["generate", "--out", "/proc/ctar-out", ...SMALL], code: 5, match: /^ctar: \/proc\/ctar-out: .*\((permission denied|no such file or folder|operation not permitted), E[A-Z]+\)/ });
  });
  it("--out a symbolic link", async () => {
    const d = scratch();
    symlinkSync(datasetCopy(), join(d, "link"));
    await expectFailure({ args: ["generate", "--out", join(d, "link"), "--force", ...SMALL], code: 5, match: /link: is a symbolic link/, clean: [d] });
  });
  it("--force on a folder that is not a ctar dataset leaves it as it was", async () => {
    const d = join(scratch(), "mine");
    mkdirSync(d);
    writeFileSync(join(d, "thesis.tex"), "precious");
    await expectFailure({ args: ["generate", "--out", d, "--force", ...SMALL], code: 2, match: /mine: not a ctar dataset \(expected a config\.json written by ctar/, clean: [join(d, "..")] });
    assert.equal(readFileSync(join(d, "thesis.tex"), "utf8"), "precious");
  });
  it("a non-empty dataset without --force is left as it was", async () => {
    const d = datasetCopy();
    const before = snapshot(d);
    await expectFailure({ args: ["generate", "--out", d, ...SMALL], code: 2, match: /ds: the folder is not empty \(use --force/, clean: [join(d, "..")] });
    assert.equal(snapshot(d), before);
  });
  it("bench --out at a file", async () => {
    const f = join(scratch(), "file");
    writeFileSync(f, "x");
    await expectFailure({ args: ["bench", datasetCopy(), "--out", f, "--runs", "1", "--epochs", "1", "--models", "mf"], code: 5, match: /file: exists and is not a folder/ });
  });
  it("bench --out at a dataset (not a bench output) leaves it", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["bench", d, "--out", d, "--runs", "1", "--epochs", "1", "--models", "mf"], code: 2, match: /ds: is the command's input/ });
    assert.ok(readdirSync(d).includes("config.json"));
  });
  it("ope --save-policy to a folder", async () => {
    await expectFailure({ args: ["ope", datasetCopy(), "--policy", "popularity", "--save-policy", scratch()], code: 5, match: /: is a folder \(expected a file name for the policy file; EISDIR\)/ });
  });
  it("ope --save-policy under a file", async () => {
    const f = join(scratch(), "file");
    writeFileSync(f, "x");
    await expectFailure({ args: ["ope", datasetCopy(), "--policy", "popularity", "--save-policy", join(f, "p.csv")], code: 5, match: /file\/p\.csv: cannot write the policy file \(a path component is not a folder, ENOTDIR\)/ });
  });
  it("ope --save-policy to /dev/null (not a regular file)", async () => {
    await expectFailure({ args: ["ope", datasetCopy(), "--policy", "popularity", "--save-policy", "/dev/null"], code: 5, match: /^ctar: \/dev\/null: not a regular file/ });
  });
  it("graph draw --out to a folder", async () => {
    await expectFailure({ args: ["graph", "draw", "--format", "dot", "--out", scratch()], code: 5, match: /: is a folder \(expected a file name for the drawing; EISDIR\)/ });
  });
  it("graph draw --out in a folder that does not exist", async () => {
    const p = join(scratch(), "no", "g.dot");
    await expectFailure({ args: ["graph", "draw", "--format", "dot", "--out", p], code: 5, match: /no\/g\.dot: cannot write the drawing \(no such file or folder, ENOENT\)/, absent: [p] });
  });
});

/** A folder world-readable all the way down, for runs as `nobody`. */
const openDirs: string[] = [];
function openDir(): string {
  const d = mkdtempSync("/tmp/ctar-hostile-open-");
  chmodSync(d, 0o755);
  openDirs.push(d);
  return d;
}
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

describe("permission denied (EACCES)", { concurrency: 2 }, () => {
  it("--out in a folder the user may not write: nothing created", async () => {
    const d = openDir();
    if (asNobody === undefined) chmodSync(d, 0o555);
    const out = join(d, "out");
    await expectFailure({ args: ["generate", "--out", out, ...SMALL], code: 5, match: /out: cannot create its lock file \.out\.lock \(permission denied, EACCES\)/, absent: [out], options: asNobody === undefined ? {} : { ...asNobody } });
  });
  it("--force over a dataset in a folder the user may not write: the dataset left as it was", async () => {
    const d = openDir();
    const ds = join(d, "ds");
    execFileSync("cp", ["-r", datasetCopy(), ds]);
    execFileSync("chmod", ["-R", "a+rX", d]);
    if (asNobody === undefined) chmodSync(d, 0o555);
    const before = ratingOf(ds);
    await expectFailure({ args: ["generate", "--out", ds, "--force", ...SMALL, "--seed", "3"], code: 5, match: /ds: cannot create its lock file \.ds\.lock \(permission denied, EACCES\)/, clean: [d], options: asNobody === undefined ? {} : { ...asNobody } });
    assert.equal(ratingOf(ds), before);
  });
});

// A 64 KiB tmpfs: the tiny dataset (about 65 KB of files) does not fit. Needs CAP_SYS_ADMIN.
const mnt = mkdtempSync("/tmp/ctar-hostile-mnt-");
const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt]).status === 0;
after(() => {
  if (mounted) spawnSync("umount", [mnt]);
  for (const d of [mnt, ...openDirs]) rmSync(d, { recursive: true, force: true });
});

describe("a full and a read-only disk (ENOSPC, EROFS)", { skip: mounted ? false : "cannot mount a tmpfs here (not root)" }, () => {
  it("a full disk: one line naming the file, the unfinished output removed", async () => {
    const out = join(mnt, "out");
    await expectFailure({ args: ["generate", "--out", out, ...SMALL], code: 5, match: /out: writing (the output|[a-z0-9_/.]+) failed \(no space left on device, ENOSPC\); nothing was replaced/, absent: [out], clean: [mnt] });
  });
  it("a target that is a mount point cannot be renamed aside (EBUSY): left as it was", async () => {
    const target = mkdtempSync("/tmp/ctar-hostile-busy-");
    assert.equal(spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", target]).status, 0);
    try {
      await expectFailure({ args: ["generate", "--out", target, ...SMALL], code: 5, match: /busy-\w+: cannot move the previous output aside to replace it; it was left as it was \(resource busy or in use, EBUSY\)/ });
      assert.deepEqual(readdirSync(target), []);
      assert.deepEqual(litterIn("/tmp").filter((n) => n.includes(basename(target))), []);
    } finally {
      spawnSync("umount", [target]);
      rmSync(target, { recursive: true, force: true });
    }
  });
  it("card on a full disk: one line naming README.md (not an unknown path), the card left as it was, no litter", async () => {
    const disk = mkdtempSync("/tmp/ctar-hostile-full-");
    assert.equal(spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]).status, 0);
    try {
      const ds = join(disk, "ds");
      execFileSync("cp", ["-r", datasetCopy(), ds]);
      spawnSync("dd", ["if=/dev/zero", `of=${join(disk, "filler")}`, "bs=4k"]); // until the disk is full
      const before = readFileSync(join(ds, "README.md"), "utf8");
      await expectFailure({ args: ["card", ds, "--date", "2021-01-01"], code: 5, match: /ds\/README\.md: cannot write the dataset card \(no space left on device, ENOSPC\)/, clean: [ds] });
      assert.equal(readFileSync(join(ds, "README.md"), "utf8"), before);
    } finally {
      spawnSync("umount", [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
  it("a read-only disk: nothing created", async () => {
    mkdirSync(join(mnt, "ro"));
    spawnSync("mount", ["-o", "remount,ro", mnt]);
    try {
      const out = join(mnt, "ro", "out");
      await expectFailure({ args: ["generate", "--out", out, ...SMALL], code: 5, match: /out: cannot create its lock file \.out\.lock \(read-only file system, EROFS\)/, absent: [out], clean: [join(mnt, "ro")] });
    } finally {
      spawnSync("mount", ["-o", "remount,rw", mnt]);
    }
    assert.deepEqual(litterIn(mnt), []);
  });
});
