/**
 * Shards and their merge. `ctar generate --shard I/N` writes a part: the streamed files of its
 * users (plan.ts: a contiguous run of whole blocks) without headers, each user's number of
 * observed ratings (rating-counts.bin, int32 little-endian), and part.json with the run's inputs,
 * a fingerprint of them, the row counts, the pool sizes and the kernels' tallies, the SHA-256 of
 * every file it wrote, and a digest of all of that (so an edited row count is caught like an
 * edited row). `ctar merge` checks that the parts are exactly shards 0..N−1 of one run, verifies
 * every checksum while it concatenates the files in user order (any mismatch stops the merge
 * before anything reaches the target, naming the part's file) and finishes the dataset as a
 * one-machine run does, so the result is the same bytes.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../../errors/errors.js";
import { shardRange } from "../../generate/plan.js";
import { World } from "../../generate/world.js";
import { selectMovies } from "../../catalog/select-movies.js";
import { VERSION } from "../../version.js";
import { writeArtifacts } from "../dataset/dataset-artifact.js";
import { applyFormat } from "../dataset/dataset-formats.js";
import { type DatasetFiles, finishDataset } from "./finish-dataset.js";
import { type RunInputs, type RunOptions, variantOptionsOf, writeUsers } from "./generate-run.js";
import { resolveCatalog } from "../inputs/resolve-catalog.js";
import { runInputsFromRecord } from "./run-inputs.js";
import { headerBytes, streamedFileList, writeAll } from "./streamed-files.js";
import { variantStreamedFiles } from "../../generate/variant-tables.js";
import { READ_CAPS, forEachChunk, readInputBytes, readInputJson } from "../fs/input.js";
import { createOutputFile, writeOutputBytes } from "../fs/output-bytes.js";
import { sha256File } from "../fs/sha256-file.js";
import { DigestOnWrite, type FileDigests } from "../fs/file-digest.js";
import { type Tallies, addTallies } from "./pass/user-pass.js";

export const PART_FILE = "part.json";
const COUNTS_FILE = "rating-counts.bin";

interface PartManifest {
  readonly tool: "ctar";
  readonly kind: "part";
  readonly version: string;
  readonly fingerprint: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly users: { readonly from: number; readonly to: number };
  readonly run: Record<string, unknown>;
  readonly rows: Record<string, number>;
  readonly pools: number[];
  readonly tallies: Tallies;
  /** SHA-256 of each file of the part (its streamed files and the counts file). */
  readonly sha256: Record<string, string>;
  /** SHA-256 of the manifest's other fields (JSON.stringify of the manifest without it). */
  readonly digest: string;
}

function runRecord(inputs: RunInputs): Record<string, unknown> {
  return { config: inputs.config, graph: inputs.graph, modules: inputs.modules, truth: inputs.truth, ...(inputs.propensity === true ? { propensity: true } : {}), format: inputs.format ?? "csv", record: inputs.record };
}

/** What must agree between the parts of one run: the tool version and every input. */
function fingerprint(run: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify({ version: VERSION, run })).digest("hex");
}

/** The digest of a manifest: every field but `digest` itself, in the order written. */
function manifestDigest(m: Omit<PartManifest, "digest"> & { digest?: unknown }): string {
  const { digest: _ignored, ...rest } = m;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

/** The files of a part the merge reads, besides part.json (a variant world's are listed in its checksums). */
function partFiles(run: Record<string, unknown>, variantFiles: readonly string[] = []): string[] {
  return [...streamedFileList(run["truth"] === "full", variantFiles), COUNTS_FILE];
}

export async function writePart(dir: string, inputs: RunInputs, shard: { index: number; count: number }, options: RunOptions): Promise<DatasetFiles> {
  const c = inputs.config;
  const range = shardRange(c.users, c.movies, shard.index, shard.count);
  const pass = await writeUsers(dir, inputs, range, false, options);
  try {
    await pass.pass.close();
  } finally {
    pass.pass.abort();
  }
  pass.world.engine.finish();
  const counts = pass.files.ratingCounts;
  writeOutputBytes(join(dir, COUNTS_FILE), new Uint8Array(counts.buffer, counts.byteOffset, counts.byteLength));
  const run = runRecord(inputs);
  const sha256: Record<string, string> = {};
  // the streamed files' digests were taken as they were written; the counts file is read back
  const streamed = pass.files.digests();
  for (const f of partFiles(run, pass.variantFiles)) sha256[f] = streamed.get(f)?.sha256 ?? sha256File(join(dir, f), "a file of the part being written");
  const fields: Omit<PartManifest, "digest"> = {
    tool: "ctar",
    kind: "part",
    version: VERSION,
    fingerprint: fingerprint(run),
    shard,
    users: range,
    run,
    rows: pass.files.rows,
    pools: pass.files.pools,
    tallies: pass.pass.tallies,
    sha256,
  };
  const manifest: PartManifest = { ...fields, digest: manifestDigest(fields) };
  writeOutputBytes(join(dir, PART_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const files: Record<string, { rows: number }> = {};
  for (const [f, rows] of Object.entries(pass.files.rows)) files[f] = { rows };
  return files;
}

function readManifest(dir: string): PartManifest {
  const file = join(dir, PART_FILE);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a part written by 'ctar generate --shard I/N')`);
  if (!existsSync(file)) throw new InputError(`${dir}: not a part (no ${PART_FILE}; expected a folder written by 'ctar generate --shard I/N')`);
  const doc = readInputJson(file, READ_CAPS.manifest, "a part's part.json") as PartManifest;
  if (doc === null || typeof doc !== "object" || doc.tool !== "ctar" || doc.kind !== "part") throw new InputError(`${file}: not a ctar part manifest`);
  if (doc.version !== VERSION) throw new InputError(`${dir}: written by ctar ${doc.version}, this is ctar ${VERSION} (generate every part with the same version)`);
  if (typeof doc.digest !== "string" || typeof doc.sha256 !== "object" || doc.sha256 === null) throw new InputError(`${file}: records no checksums (expected a part written by 'ctar generate --shard I/N' of ctar ${VERSION})`);
  if (manifestDigest(doc) !== doc.digest) throw new InputError(`${file}: its contents do not match the digest the shard run recorded (edited after it was written?); nothing was merged`);
  if (fingerprint(doc.run) !== doc.fingerprint) throw new InputError(`${file}: its fingerprint does not match its contents (edited?)`);
  for (const f of partFiles(doc.run)) if (typeof doc.sha256[f] !== "string") throw new InputError(`${file}: records no checksum of ${f}`);
  return doc;
}

/** Checks that `dirs` are shards 0..N−1 of one run; returns them in shard order. */
function checkParts(dirs: readonly string[]): Array<{ dir: string; m: PartManifest }> {
  if (dirs.length === 0) throw new InputError("merge: no parts given");
  const parts = dirs.map((dir) => ({ dir, m: readManifest(dir) }));
  const first = parts[0]!;
  for (const p of parts.slice(1)) {
    if (p.m.fingerprint !== first.m.fingerprint) {
      const a = first.m.run["config"] as Record<string, unknown>;
      const b = p.m.run["config"] as Record<string, unknown>;
      const keys = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      const what = keys.length > 0 ? `its ${keys.join(", ")} differ${keys.length === 1 ? "s" : ""}` : "its graph or truth level differs";
      throw new InputError(`${p.dir}: a part of another run than ${first.dir} (${what}); every part must come from the same configuration, seed and version`);
    }
    if (p.m.shard.count !== first.m.shard.count) throw new InputError(`${p.dir}: shard ${p.m.shard.index}/${p.m.shard.count}, but ${first.dir} is of ${first.m.shard.count} shards`);
  }
  const n = first.m.shard.count;
  const byIndex = new Map<number, string>();
  for (const p of parts) {
    const other = byIndex.get(p.m.shard.index);
    if (other !== undefined) throw new InputError(`${p.dir}: shard ${p.m.shard.index}/${n} is given twice (also ${other})`);
    byIndex.set(p.m.shard.index, p.dir);
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new InputError(`merge: shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${n} missing (got ${parts.length} part${parts.length > 1 ? "s" : ""})`);
  const config = first.m.run["config"] as { users: number; movies: number };
  for (const p of parts) {
    const r = shardRange(config.users, config.movies, p.m.shard.index, n);
    if (r.from !== p.m.users.from || r.to !== p.m.users.to) throw new InputError(`${p.dir}: holds users ${p.m.users.from}..${p.m.users.to}, expected ${r.from}..${r.to} for shard ${p.m.shard.index}/${n}`);
  }
  return parts.sort((a, b) => a.m.shard.index - b.m.shard.index);
}

/** A part's file, checked against the checksum its part.json records. */
function mismatch(part: string, f: string): InputError {
  return new InputError(`${join(part, f)}: its SHA-256 differs from the one ${PART_FILE} records (changed or truncated after the shard run wrote it); nothing was merged`);
}

/**
 * Appends a part's file to `out`, hashing it on the way (and feeding the merged file's digest);
 * a mismatch is an InputError naming it.
 */
function appendVerified(out: number, part: string, f: string, expected: string, merged: DigestOnWrite): void {
  const hash = createHash("sha256");
  forEachChunk(join(part, f), `a file of the part (${f})`, (bytes) => {
    hash.update(bytes);
    writeAll(out, bytes, merged);
  });
  if (hash.digest("hex") !== expected) throw mismatch(part, f);
}

/** Merges the parts into `dir` (an empty folder). */
export async function mergeParts(dirs: readonly string[], dir: string, options: Pick<RunOptions, "warn" | "onProgress">): Promise<{ files: DatasetFiles; users: number }> {
  const parts = checkParts(dirs);
  const first = parts[0]!;
  const inputs = await runInputsFromRecord(first.m.run, join(first.dir, PART_FILE), first.dir);
  const c = inputs.config;
  const variant = variantOptionsOf(inputs);
  const variantFiles = variantStreamedFiles(inputs.graph, inputs.registry, variant);
  for (const f of variantFiles) if (typeof first.m.sha256[f] !== "string") throw new InputError(`${join(first.dir, PART_FILE)}: records no checksum of ${f}`);
  const files = streamedFileList(inputs.truth === "full", variantFiles);
  const rows: Record<string, number> = {};
  const digests: FileDigests = new Map();
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    const out = createOutputFile(join(dir, f));
    const merged = new DigestOnWrite();
    try {
      writeAll(out, headerBytes(f), merged);
      rows[f] = 0;
      for (const p of parts) {
        const src = join(p.dir, f);
        if (!existsSync(src)) throw new InputError(`${p.dir}: ${f} is missing (an incomplete part)`);
        appendVerified(out, p.dir, f, p.m.sha256[f]!, merged);
        rows[f]! += p.m.rows[f] ?? 0;
      }
    } finally {
      closeSync(out);
    }
    digests.set(f, merged.digest());
  }
  const counts = new Int32Array(c.users);
  const pools = [0, 0, 0, 0];
  const tallies: Tallies = {};
  for (const p of parts) {
    const n = p.m.users.to - p.m.users.from;
    const bytes = readInputBytes(join(p.dir, COUNTS_FILE), 4 * n, "the part's rating counts");
    if (createHash("sha256").update(bytes).digest("hex") !== p.m.sha256[COUNTS_FILE]) throw mismatch(p.dir, COUNTS_FILE);
    if (bytes.length !== 4 * n) throw new InputError(`${join(p.dir, COUNTS_FILE)}: ${bytes.length} bytes, expected ${4 * n} (an incomplete part)`);
    counts.set(new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), p.m.users.from);
    for (let i = 0; i < 4; i++) pools[i]! += p.m.pools[i]!;
    addTallies(tallies, p.m.tallies);
  }
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.warn?.(m);
  };
  const world = new World({ config: c, catalog: selectMovies(resolveCatalog(c), c.movies), graph: inputs.graph, registry: inputs.registry, warn });
  const ratingStart = new Float64Array(c.users + 1);
  for (let u = 0; u < c.users; u++) ratingStart[u + 1] = ratingStart[u]! + counts[u]!;
  const out = await finishDataset({ dir, world, pass: { ratingStart, pools, tallies, rows }, warnings, warn, record: inputs.record, digests, onProgress: (s) => options.onProgress?.(c.users, s) });
  const converted = await applyFormat(dir, inputs.format ?? "csv", inputs.graph);
  writeArtifacts(dir, undefined, digests);
  return { files: converted ?? out, users: c.users };
}
