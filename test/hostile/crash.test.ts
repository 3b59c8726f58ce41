/**
 * Signals, crashes and concurrent writers on `ctar generate --out`: SIGHUP/SIGINT/SIGTERM remove
 * the unfinished output and exit 129/130/143 (a closed terminal sends SIGHUP); SIGKILL at each moment of the transaction (before and
 * after writing, between the two renames of the swap, after it) leaves the target either the
 * previous complete dataset or the new one, and the next run repairs the litter and says so;
 * a second writer fails at once naming the holder; a stale lock is taken over.
 * The moments are reached with the CTAR_TEST_HOLD fault-injection points (src/io/fs/test-hold.ts).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { litterIn, run, type RunResult } from "./harness.js";
import { SMALL, baseDataset, datasetCopy, scratch } from "./fixtures.js";

/** Runs generate and delivers `signal` when it announces `phase`. */
function killAt(out: string, phase: string, signal: NodeJS.Signals, extra: string[] = []): Promise<RunResult> {
  return run(["generate", "--out", out, "--quiet", ...SMALL, ...extra], {
    env: { CTAR_TEST_HOLD: phase },
    onStderr: (text, child) => {
      if (text.includes(`test hold: ${phase}`) && child.exitCode === null && !child.killed) child.kill(signal);
    },
  });
}

const rating = (d: string) => readFileSync(join(d, "train/rating.csv"), "utf8");
const complete = (d: string) => existsSync(join(d, "config.json")) && existsSync(join(d, "truth/tag.csv"));

/** SIGINT and SIGTERM at a held moment: the unfinished output removed, the previous dataset kept. */
function interruptedAtHold(): void {
  for (const [signal, code] of [["SIGHUP", 129], ["SIGINT", 130], ["SIGTERM", 143]] as const) {
    for (const phase of ["before-write", "after-write"]) {
      it(`${signal} at ${phase}: exit ${code}, the unfinished output removed, the previous dataset kept`, async () => {
        const out = datasetCopy();
        const before = rating(out);
        const r = await killAt(out, phase, signal, ["--force", "--seed", "77"]);
        assert.equal(r.status, code, r.stderr);
        assert.match(r.stderr, new RegExp(`ctar: interrupted \\(${signal}\\): removed the unfinished output`));
        assert.equal(rating(out), before);
        assert.deepEqual(litterIn(join(out, "..")), []);
      });
    }
  }
}

/** SIGKILL at each moment of the transaction, then the repairing run. */
function killedAtHold(): void {
  for (const phase of ["before-write", "after-write", "aside", "swapped"]) {
    it(`SIGKILL at ${phase}: the target is the old or the new dataset, and the next run repairs it`, async () => {
      const out = datasetCopy();
      const before = rating(out);
      const r = await killAt(out, phase, "SIGKILL", ["--force", "--seed", "77"]);
      assert.equal(r.signal, "SIGKILL");
      const parent = join(out, "..");
      assert.ok(litterIn(parent).length > 0, "a SIGKILL leaves litter (the lock at least)");
      if (phase === "aside") assert.ok(!existsSync(out)); // between the two renames
      else {
        assert.ok(complete(out));
        assert.equal(rating(out) === before, phase !== "swapped"); // only after the swap is it the new one
      }
      // The next writer (without --force) repairs: it restores an old dataset whose replacement never arrived.
      const again = await run(["generate", "--out", out, "--quiet", ...SMALL]);
      assert.equal(again.status, 2, again.stderr); // the target is a complete dataset again: not replaced without --force
      assert.match(again.stderr, /ctar: note: removed the stale lock of ctar PID \d+/);
      if (phase === "aside") assert.match(again.stderr, /ctar: note: restored .* from \.ds\.old-\d+: ctar PID \d+ \(gone\) had moved it aside/);
      if (phase === "before-write" || phase === "after-write") assert.match(again.stderr, /ctar: note: removed \.ds\.tmp-\d+, the unfinished output of ctar PID \d+ \(gone\)/);
      if (phase === "swapped") assert.match(again.stderr, /ctar: note: removed \.ds\.old-\d+, the previous output ctar PID \d+ \(gone\) had replaced/);
      assert.ok(complete(out));
      assert.equal(rating(out) === before, phase !== "swapped");
      assert.deepEqual(litterIn(parent), []);
    });
  }
}

describe("signals and crashes", { concurrency: 4 }, () => {
  interruptedAtHold();
  killedAtHold();

  it("SIGKILL during a real generation (no hold): the next run removes the unfinished output", async () => {
    const out = join(scratch(), "big");
    const r = await run(["generate", "--out", out, "--quiet", "--users", "4000", "--movies", "1000"], {
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (litterIn(join(out, "..")).some((n) => n.includes(".tmp-"))) {
            clearInterval(poll);
            child.kill("SIGKILL");
          }
        }, 20);
        child.on("close", () => clearInterval(poll));
      },
    });
    assert.equal(r.signal, "SIGKILL", r.stderr);
    assert.ok(!existsSync(out));
    const again = await run(["generate", "--out", out, "--quiet", ...SMALL]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /removed \.big\.tmp-\d+, the unfinished output of ctar PID \d+ \(gone\)/);
    assert.deepEqual(litterIn(join(out, "..")), []);
  });

  it("a second writer on the same target fails at once, naming the holder; the first one finishes", async () => {
    const out = join(scratch(), "ds");
    let second: Promise<RunResult> | undefined;
    const first = run(["generate", "--out", out, "--quiet", ...SMALL], {
      env: { CTAR_TEST_HOLD: "before-write", CTAR_TEST_HOLD_MS: "8000" },
      onStderr: (text) => {
        if (second === undefined && text.includes("test hold: before-write")) second = run(["generate", "--out", out, "--quiet", ...SMALL, "--force"]);
      },
    });
    const a = await first;
    const b = await second!;
    assert.equal(b.status, 5, b.stderr);
    assert.match(b.stderr, /^ctar: .*ds: another ctar process \(PID \d+, since .*\) is writing it/);
    assert.equal(b.stderr.trim().split("\n").length, 1);
    assert.equal(a.status, 0, a.stderr);
    assert.ok(complete(out));
    assert.deepEqual(litterIn(join(out, "..")), []);
  });

  it("a stale lock (its PID is gone) is taken over, with a note", async () => {
    const out = join(scratch(), "ds");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(join(out, "..", ".ds.lock"), JSON.stringify({ pid: Number(dead), host: (await import("node:os")).hostname(), started: "then" }));
    const r = await run(["generate", "--out", out, "--quiet", ...SMALL]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`removed the stale lock of ctar PID ${dead}, which is gone`));
    assert.deepEqual(litterIn(join(out, "..")), []);
  });

  it("the base fixture is a complete dataset (sanity of the checks above)", () => {
    assert.ok(complete(baseDataset()));
  });
});

describe("a signal during synchronous generation", { concurrency: 2 }, () => {
  for (const [signal, code] of [["SIGHUP", 129], ["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} while the engine runs: delivered before the swap, exit ${code}, nothing left`, async () => {
      const out = join(scratch(), "big");
      const r = await run(["generate", "--out", out, "--quiet", "--users", "4000", "--movies", "1000"], {
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (litterIn(join(out, "..")).some((n) => n.includes(".tmp-"))) {
              clearInterval(poll);
              child.kill(signal);
            }
          }, 20);
          child.on("close", () => clearInterval(poll));
        },
      });
      assert.equal(r.status, code, r.stderr);
      assert.match(r.stderr, new RegExp(`^ctar: interrupted \\(${signal}\\)`));
      assert.ok(!existsSync(out));
      assert.deepEqual(litterIn(join(out, "..")), []);
    });
  }
});
