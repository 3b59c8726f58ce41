/** The portable file-name helpers agree with node:path (POSIX) on the names the graph forms see. */
import assert from "node:assert/strict";
import { posix } from "node:path";
import { test } from "node:test";
import { fileExtension, fileStem, joinFileName } from "../../src/graph/file-name.js";

const NAMES = ["g.yaml", "dir/g.JSON", "/abs/dir/my-graph.dag", "noext", ".hidden", "dir/.hidden", "a.b.c", "dir.d/file", "x.", "", "editor", "dir/"];

test("fileExtension and fileStem agree with path.extname and path.basename", () => {
  for (const n of NAMES) {
    assert.equal(fileExtension(n), posix.extname(n), n);
    assert.equal(fileStem(n), posix.basename(n, posix.extname(n)), n);
  }
});

test("a Windows separator ends a segment too", () => {
  assert.equal(fileExtension("C:\\graphs\\g.dagitty"), ".dagitty");
  assert.equal(fileStem("C:\\graphs\\g.dagitty"), "g");
});

test("joinFileName agrees with path.join on folder names as typed", () => {
  for (const d of ["out", "out/", "out//", "/tmp/x", "/", "a/b"]) assert.equal(joinFileName(d, "train", "obstag.csv"), posix.join(d, "train", "obstag.csv"), d);
});
