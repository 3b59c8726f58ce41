/**
 * The card and croissant.json written on a generated folder: the Croissant 1.1 required
 * properties (spec §"Dataset-level information": @context, @type sc:Dataset, conformsTo, name,
 * description, license, url, creator, datePublished, distribution), one FileObject per file
 * whose sha256 and size match the bytes on disk (checked here with node:crypto directly), a
 * RecordSet per table with typed fields and its key; the card's Hugging Face YAML header.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { cardedDataset, filesUnder } from "../../helpers/carded-dataset.js";
import { ctar, tempDir } from "../../helpers/paths.js";
import { cardDate, writeArtifacts, writeCard, writeCroissant } from "../../../src/io/dataset/dataset-artifact.js";
import type { FileDigests } from "../../../src/io/fs/file-digest.js";

const SMALL = ["--users", "60", "--movies", "30", "--rct-users", "6", "--test2-draws", "60", "--test2-positives", "18", "--test3-draws", "40", "--test3-positives", "12"];

const generated = () => cardedDataset(SMALL, "2026-03-04");

test("croissant.json has every required Croissant 1.1 property and a FileObject per file with matching sha256", () => {
  const dir = generated();
  const doc = JSON.parse(readFileSync(join(dir, "croissant.json"), "utf8")) as Record<string, unknown>;
  for (const k of ["@context", "@type", "conformsTo", "name", "description", "license", "url", "creator", "datePublished", "distribution"]) {
    assert.ok(doc[k] !== undefined && doc[k] !== "", `missing ${k}`);
  }
  assert.equal(doc["@type"], "sc:Dataset");
  assert.deepEqual(doc["conformsTo"], ["http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"]);
  assert.equal(doc["datePublished"], "2026-03-04");
  const ctx = doc["@context"] as Record<string, unknown>;
  assert.equal(ctx["@vocab"], "http://schema.org/");
  assert.equal(ctx["cr"], "http://mlcommons.org/croissant/");
  const dist = doc["distribution"] as Array<Record<string, unknown>>;
  const listed = dist.map((f) => f["contentUrl"] as string).sort();
  assert.deepEqual(listed, filesUnder(dir).filter((f) => f !== "croissant.json"));
  for (const f of dist) {
    assert.equal(f["@type"], "cr:FileObject");
    const path = join(dir, f["contentUrl"] as string);
    assert.equal(f["sha256"], createHash("sha256").update(readFileSync(path)).digest("hex"), `sha256 of ${f["contentUrl"]}`);
    assert.equal(f["contentSize"], `${statSync(path).size} B`);
    assert.match(String(f["encodingFormat"]), /^(text\/csv|application\/json|text\/markdown|application\/gzip|application\/x-parquet)$/);
  }
  const sets = doc["recordSet"] as Array<Record<string, unknown>>;
  const rating = sets.find((s) => s["@id"] === "train/rating")!;
  assert.deepEqual(rating["key"], [{ "@id": "train/rating/userid" }, { "@id": "train/rating/movieid" }]);
  const fields = rating["field"] as Array<Record<string, unknown>>;
  assert.deepEqual(fields.map((x) => [x["name"], x["dataType"]]), [["userid", "sc:Integer"], ["movieid", "sc:Integer"], ["rating", "sc:Integer"]]);
  for (const s of sets) {
    for (const x of s["field"] as Array<{ source: { fileObject: { "@id": string } } }>) assert.ok(listed.includes(x.source.fileObject["@id"]), `field source ${x.source.fileObject["@id"]} is a listed file`);
  }
  const movie = sets.find((s) => s["@id"] === "truth/movie")!;
  assert.equal((movie["field"] as Array<Record<string, unknown>>).find((x) => x["name"] === "quality")!["dataType"], "sc:Float");
});

test("README.md is a Hugging Face dataset card with configs per split, the m-graph and the citation", () => {
  const dir = generated();
  const text = readFileSync(join(dir, "README.md"), "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(m, "YAML header");
  const header = parse(m[1]!) as Record<string, unknown>;
  assert.equal(header["license"], "mit");
  for (const k of ["task_categories", "size_categories", "pretty_name", "tags", "configs"]) assert.ok(header[k] !== undefined, k);
  // Hugging Face's bucket of the train/ and test/ rows, from config.json's counts
  const rows = Object.entries((JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as { files: Record<string, { rows: number }> }).files)
    .filter(([f]) => f.startsWith("train/") || f.startsWith("test/"))
    .reduce((a, [, v]) => a + v.rows, 0);
  assert.deepEqual(header["size_categories"], [rows < 1000 ? "n<1K" : rows < 10000 ? "1K<n<10K" : "10K<n<100K"]);
  const configs = header["configs"] as Array<{ config_name: string; data_files: Array<{ split: string; path: string }> }>;
  const test = configs.find((c) => c.config_name === "test")!;
  assert.deepEqual(test.data_files.map((f) => f.split), ["test_1", "test_2", "test_3", "all"]);
  for (const c of configs) for (const f of c.data_files) assert.ok(statSync(join(dir, f.path)).isFile(), f.path);
  assert.match(text, /```mermaid\nflowchart TB/);
  assert.match(text, /\| R_O \| TL \| MNAR \|/);
  assert.match(text, /\| `train\/rating.csv` \| \d+ \|/);
  assert.match(text, /arXiv:2202\.11351/);
  assert.match(text, /Base data: the built-in synthetic catalog/);
  assert.match(text, /users: 60\n/);
});

test("generate's card and croissant.json (checksums taken as the files were written) are those rebuilt by reading the files", () => {
  const dir = join(tempDir(), "ds");
  const r = ctar(["generate", "--out", dir, "--quiet", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const card = readFileSync(join(dir, "README.md"), "utf8");
  const croissant = readFileSync(join(dir, "croissant.json"), "utf8");
  const date = cardDate(card)!;
  assert.equal(writeCard(dir, { date }), card);
  assert.equal(writeCroissant(dir, { date }), croissant);
});

test("a digest taken on writing is used only while the file has the size it was taken at", () => {
  const dir = generated();
  const file = "train/rating.csv";
  const bytes = statSync(join(dir, file)).size;
  const real = createHash("sha256").update(readFileSync(join(dir, file))).digest("hex");
  const fake = "0".repeat(64);
  const listed = (known: FileDigests) => {
    writeArtifacts(dir, "2026-03-04", known);
    const doc = JSON.parse(readFileSync(join(dir, "croissant.json"), "utf8")) as { distribution: Array<Record<string, unknown>> };
    return doc.distribution.find((f) => f["contentUrl"] === file)!["sha256"];
  };
  // the size agrees: the digest is trusted, the file is not read back (so the fake one shows)
  assert.equal(listed(new Map([[file, { bytes, sha256: fake }]])), fake);
  // the file changed size since: read back
  assert.equal(listed(new Map([[file, { bytes: bytes + 1, sha256: fake }]])), real);
  assert.equal(listed(new Map()), real);
});
