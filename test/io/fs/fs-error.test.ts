/** Mapping Node fs errors to one FilesystemError line (exit 5), for every code a user can cause. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FilesystemError } from "../../../src/errors/errors.js";
import { fsError, isFsError } from "../../../src/io/fs/fs-error.js";

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: something, ${syscall}`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  return e;
}

test("each user-caused fs code becomes `PATH: what failed (reason, CODE)`, exit 5", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["EACCES", "open", /^out\/a\.csv: cannot write the file \(permission denied, EACCES\)$/],
    ["EROFS", "mkdir", /^out\/a\.csv: cannot create the folder \(read-only file system, EROFS\)$/],
    ["ENOSPC", "write", /^out\/a\.csv: cannot write the file \(no space left on device, ENOSPC\)$/],
    ["EEXIST", "mkdir", /\(already exists, EEXIST\)$/],
    ["ENOTDIR", "stat", /^out\/a\.csv: cannot read it \(a path component is not a folder, ENOTDIR\)$/],
    ["EISDIR", "open", /\(is a folder, EISDIR\)$/],
    ["EBUSY", "rename", /^out\/a\.csv: cannot rename it \(resource busy or in use, EBUSY\)$/],
    ["ENOENT", "scandir", /^out\/a\.csv: cannot list the folder \(no such file or folder, ENOENT\)$/],
  ];
  for (const [code, syscall, want] of cases) {
    const f = fsError(errno(code, syscall, "out/a.csv"));
    assert.ok(f instanceof FilesystemError, code);
    assert.equal(f.exitCode, 5);
    assert.match(f.message, want);
  }
  assert.match((fsError(errno("EACCES", "open"), "cannot write the policy", "p.csv") as Error).message, /^p\.csv: cannot write the policy \(permission denied, EACCES\)$/);
});

test("anything that is not an fs error is returned as it is", () => {
  const plain = new Error("bug");
  assert.equal(fsError(plain), plain);
  assert.equal(isFsError(plain), false);
  assert.equal(isFsError(errno("EACCES", "open")), true);
});
