/**
 * The end of a dataset, once every user's streamed files are written (by one run, or by `merge`
 * from the shards' parts): the texts of src/generate/dataset-end.ts — movie-level files, Test II
 * and III, config.json with the resolved configuration, the graph, every file's row count and
 * every warning — written into the folder; test.csv is test_1.csv (copied in chunks) followed by
 * Test II and III, hashed as it is written. The draws' users are regenerated on the run's workers
 * when `regenerate` is given, else here: the same draws either way.
 */
import { closeSync, rmSync } from "node:fs";
import { forEachChunk } from "../fs/input.js";
import { createOutputFile } from "../fs/output-bytes.js";
import { DigestOnWrite, type FileDigests } from "../fs/file-digest.js";
import { join } from "node:path";
import { type DatasetFiles, type PassResult, configJson, restOfEnd, startOfEnd } from "../../generate/dataset-end.js";
import type { World } from "../../generate/world.js";
import { type RegenerateUsers, drawTestSets, drawTestSetsWith } from "../../testsets/build-test-sets.js";
import { relativeRecord } from "../dataset/run-provenance.js";
import { writeAll } from "./streamed-files.js";

export type { DatasetFiles, PassResult };

export interface FinishInput {
  readonly dir: string;
  readonly world: World;
  readonly pass: PassResult;
  /** Warnings said so far (the world's setup); more are added here. */
  readonly warnings: string[];
  readonly warn: (message: string) => void;
  /** Extra config.json fields (truth level, interventions, graph file …). */
  readonly record: Readonly<Record<string, unknown>>;
  /** Digests of the files written so far (file-digest.ts); test.csv's is added as it is written. */
  readonly digests?: FileDigests;
  /** Regenerates the users the test-set draws land on elsewhere (the pass's workers); else here. */
  readonly regenerate?: RegenerateUsers;
  onProgress?(stage: string): void;
}

function writeText(file: string, text: string): void {
  const out = createOutputFile(file);
  try {
    writeAll(out, text);
  } finally {
    closeSync(out);
  }
}

export async function finishDataset(input: FinishInput): Promise<DatasetFiles> {
  const { dir, world } = input;
  const head = startOfEnd(world, input.pass, input.warn, input.onProgress);
  const tests = input.regenerate === undefined ? drawTestSets(head.draws) : await drawTestSetsWith(head.draws, input.regenerate);
  const end = restOfEnd(world, input.pass, head, tests);
  for (const [f, text] of Object.entries(end.texts)) writeText(join(dir, f), text);
  for (const f of end.dropped) rmSync(join(dir, f), { force: true });
  const union = new DigestOnWrite();
  const out = createOutputFile(join(dir, "test/test.csv"));
  try {
    forEachChunk(join(dir, "test/test_1.csv"), "test_1.csv of the output being written", (bytes) => writeAll(out, bytes, union));
    writeAll(out, end.testTail, union);
  } finally {
    closeSync(out);
  }
  input.digests?.set("test/test.csv", union.digest());
  const record = relativeRecord(dir, input.record, world.input.config);
  writeText(join(dir, "config.json"), configJson(world, end, input.warnings, record));
  return end.files;
}
