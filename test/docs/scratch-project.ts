/**
 * A project outside the repository with ctar installed from `npm pack` of this repository, as a
 * user would have it: the tarball plus TypeScript and @types/node (for the library snippets).
 *
 * No network: the lock file written here names every package with the version and integrity of
 * the repository's package-lock.json, so `npm ci --offline` takes them from npm's cache, which the
 * repository's own `npm ci` has just filled (a clean clone's CI does exactly that before `npm test`).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../helpers/paths.js";

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

interface RepoPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly bin: Readonly<Record<string, string>>;
  readonly engines: Readonly<Record<string, string>>;
}

/** The dev tools the snippets need, with the repository's pinned versions. */
const TOOLS = ["typescript", "@types/node"] as const;
const TOOL_ENTRIES = new Set(["node_modules/typescript", "node_modules/@types/node", "node_modules/undici-types"]);

export interface ScratchProject {
  readonly dir: string;
  /** The files `npm pack` put in the tarball, relative to the package root. */
  readonly packed: readonly string[];
}

/** Packs the repository (its dist/src as built) and installs the tarball offline in a new folder. */
export function scratchProject(): ScratchProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "ctar-docs-")));
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as RepoPackage;
  // --ignore-scripts: prepack would rebuild dist/ under the running test suite; npm test has just built it.
  const packOut = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: REPO, encoding: "utf8" });
  const [info] = JSON.parse(packOut) as { filename: string; files: { path: string }[] }[];
  if (info === undefined) throw new Error("npm pack printed no package");
  const lock = JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const dependencies: Record<string, string> = { [pkg.name]: `file:${info.filename}` };
  for (const t of TOOLS) dependencies[t] = pkg.devDependencies[t]!;
  const packages: Record<string, unknown> = {
    "": { name: "docs-scratch", version: "1.0.0", dependencies },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${info.filename}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === "" || (entry.dev === true && !TOOL_ENTRIES.has(key))) continue;
    const { dev: _dev, devOptional: _devOptional, ...rest } = entry;
    packages[key] = rest;
  }
  const manifest = { name: "docs-scratch", version: "1.0.0", private: true, dependencies };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, "package-lock.json"), `${JSON.stringify({ ...manifest, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { dir, packed: info.files.map((f) => f.path) };
}
