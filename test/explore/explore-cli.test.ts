/**
 * `ctar explore` as a user runs it: started on a graph file that names a mechanism module, it
 * prints its 127.0.0.1 URL, previews the graph with the module's mechanism (loaded from the
 * command line, never from the page), and stops cleanly on SIGTERM. The test ends the process.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, REPO } from "../helpers/paths.js";

test("explore --graph with a module: URL printed, preview runs the module's mechanism, SIGTERM stops it", { timeout: 60_000 }, async () => {
  const file = join(REPO, "examples/exposure-bias/graph.yaml");
  const child = spawn(process.execPath, [CLI, "explore", "--graph", file, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /ctar explore: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]!);
      });
      child.on("exit", (code) => fail(new Error(`explore exited with ${code} before printing its URL`)));
    });
    const text = readFileSync(file, "utf8");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const post = async (path: string, body: unknown): Promise<any> => (await fetch(new URL(path, url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json();
    const a = await post("/api/analyze", { text, format: "yaml" });
    assert.equal(a.ok, true);
    assert.deepEqual(a.problems, [], "the module's mechanism kinds are known");
    const p = await post("/api/preview", { text, format: "yaml", users: 150, movies: 60 });
    assert.equal(p.ok, true, JSON.stringify(p.error));
    assert.ok(p.files.includes("train/rating.csv"));
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(await exited, 0);
});
