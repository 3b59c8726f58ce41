/**
 * croissant.json against the Croissant 1.1 specification (MLCommons, 2026-01-29) and its RAI
 * vocabulary 1.0: the properties below are written here from the specification's tables
 * ("Dataset-level Information": Required, Recommended, "Modified and Added Properties"; "Field";
 * "FileObject"; the RAI "property information" table with each property's type and cardinality),
 * and a checker built from them is tried first on a minimal document written from the
 * specification's examples (it must pass, and fail once a required property is removed), then on
 * what ctar writes, in CSV and in both formats.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { cardedDataset } from "../helpers/carded-dataset.js";

/** Croissant 1.1, "Required": must be specified for every dataset. */
const REQUIRED = ["@context", "@type", "conformsTo", "description", "license", "name", "url", "creator", "datePublished", "distribution"] as const;
/** Croissant 1.1, "Recommended", with the ones that do not apply to a generated folder and why. */
const RECOMMENDED: Record<string, string | null> = {
  keywords: null,
  version: null,
  dateCreated: null,
  sdLicense: null,
  inLanguage: null,
  publisher: "a generated folder has no publisher until someone publishes it",
  dateModified: "written once; a modified folder is re-carded with a new date",
  sameAs: "no other web resource holds the same dataset",
};
/** RAI 1.0: property → [expected type, cardinality]. */
const RAI: Record<string, ["Text" | "DateTime", "ONE" | "MANY"]> = {
  "rai:dataCollection": ["Text", "ONE"],
  "rai:dataCollectionType": ["Text", "MANY"],
  "rai:dataCollectionMissingData": ["Text", "ONE"],
  "rai:dataCollectionRawData": ["Text", "ONE"],
  "rai:dataCollectionTimeframe": ["DateTime", "MANY"],
  "rai:dataImputationProtocol": ["Text", "ONE"],
  "rai:dataManipulationProtocol": ["Text", "ONE"],
  "rai:dataPreprocessingProtocol": ["Text", "MANY"],
  "rai:dataAnnotationProtocol": ["Text", "ONE"],
  "rai:dataAnnotationPlatform": ["Text", "MANY"],
  "rai:dataAnnotationAnalysis": ["Text", "MANY"],
  "rai:dataReleaseMaintenancePlan": ["Text", "MANY"],
  "rai:personalSensitiveInformation": ["Text", "MANY"],
  "rai:dataSocialImpact": ["Text", "ONE"],
  "rai:dataBiases": ["Text", "MANY"],
  "rai:dataLimitations": ["Text", "MANY"],
  "rai:dataUseCases": ["Text", "MANY"],
  "rai:annotationsPerItem": ["Text", "ONE"],
  "rai:annotatorDemographics": ["Text", "MANY"],
  "rai:machineAnnotationTools": ["Text", "MANY"],
};
/** The RAI fields the issue asks ctar to fill (what ctar knows). */
const RAI_FILLED = ["rai:dataCollection", "rai:dataBiases", "rai:dataLimitations", "rai:dataUseCases", "rai:personalSensitiveInformation", "rai:dataSocialImpact"];
/** Croissant 1.1 terms of its JSON-LD context (Appendix 1) that ctar's documents use. */
const CONTEXT_TERMS = ["citeAs", "column", "conformsTo", "dataType", "extract", "field", "fileObject", "isArray", "isLiveDataset", "key", "recordSet", "separator", "source", "transform"];
const SPEC_1_1 = "http://mlcommons.org/croissant/1.1";

type Doc = Record<string, unknown>;

/** Every way `doc` departs from the properties above; empty when it conforms. */
function problems(doc: Doc): string[] {
  const out: string[] = [];
  for (const k of REQUIRED) if (doc[k] === undefined || doc[k] === "") out.push(`required ${k} missing`);
  const conforms = ([] as unknown[]).concat(doc["conformsTo"]);
  if (!conforms.includes(SPEC_1_1)) out.push(`conformsTo lacks ${SPEC_1_1}`);
  if (doc["@type"] !== "sc:Dataset") out.push("@type is not sc:Dataset");
  const ctx = (doc["@context"] ?? {}) as Doc;
  if (ctx["@vocab"] !== "http://schema.org/") out.push("@vocab is not http://schema.org/");
  if (ctx["cr"] !== "http://mlcommons.org/croissant/") out.push("cr prefix");
  for (const [k, why] of Object.entries(RECOMMENDED)) if (why === null && doc[k] === undefined) out.push(`recommended ${k} missing`);
  for (const [k, [type, card]] of Object.entries(RAI)) {
    const v = doc[k];
    if (v === undefined) continue;
    if (ctx["rai"] !== "http://mlcommons.org/croissant/RAI/") out.push("rai prefix");
    const values = Array.isArray(v) ? v : [v];
    if (card === "ONE" && Array.isArray(v)) out.push(`${k}: one value expected`);
    for (const x of values) if (typeof x !== "string" || x.trim() === "" || (type === "DateTime" && Number.isNaN(Date.parse(x)))) out.push(`${k}: a ${type} expected`);
  }
  for (const f of (doc["distribution"] ?? []) as Doc[]) {
    for (const k of ["@type", "@id", "contentUrl", "encodingFormat"]) if (f[k] === undefined) out.push(`FileObject ${String(f["@id"])}: ${k} missing`);
    if (f["sha256"] === undefined && f["md5"] === undefined) out.push(`FileObject ${String(f["@id"])}: no checksum`);
  }
  const ids = new Set(((doc["distribution"] ?? []) as Doc[]).map((f) => f["@id"]));
  for (const rs of (doc["recordSet"] ?? []) as Doc[]) {
    for (const f of (rs["field"] ?? []) as Doc[]) {
      const where = `field ${String(f["@id"])}`;
      if (f["dataType"] === undefined) out.push(`${where}: dataType missing`);
      if (f["repeated"] !== undefined) out.push(`${where}: 'repeated' is 1.0's; 1.1 says isArray`);
      const src = (f["source"] ?? {}) as { fileObject?: { "@id": string } };
      if (src.fileObject !== undefined && !ids.has(src.fileObject["@id"])) out.push(`${where}: source ${src.fileObject["@id"]} is no FileObject`);
    }
  }
  for (const term of CONTEXT_TERMS) if (JSON.stringify(doc).includes(`"${term}"`) && ctx[term] === undefined) out.push(`context lacks ${term}`);
  return out;
}

/** A minimal conforming document, written after the specification's examples (ratings of movies). */
function minimal(): Doc {
  return {
    "@context": { "@vocab": "http://schema.org/", sc: "http://schema.org/", cr: "http://mlcommons.org/croissant/", rai: "http://mlcommons.org/croissant/RAI/", dct: "http://purl.org/dc/terms/", conformsTo: "dct:conformsTo", dataType: { "@id": "cr:dataType", "@type": "@vocab" }, field: "cr:field", fileObject: "cr:fileObject", source: "cr:source", extract: "cr:extract", column: "cr:column", recordSet: "cr:recordSet" },
    "@type": "sc:Dataset",
    conformsTo: SPEC_1_1,
    name: "ratings",
    description: "Movie ratings.",
    license: "https://spdx.org/licenses/CC-BY-4.0.html",
    url: "https://example.org/ratings",
    creator: { "@type": "sc:Person", name: "A. Author" },
    datePublished: "2026-01-29",
    keywords: ["ratings"],
    version: "1.0.0",
    dateCreated: "2026-01-01",
    sdLicense: "https://spdx.org/licenses/CC0-1.0.html",
    inLanguage: "en",
    "rai:dataCollection": "Collected from a survey.",
    "rai:dataBiases": ["Only volunteers answered."],
    distribution: [{ "@type": "cr:FileObject", "@id": "ratings.csv", contentUrl: "ratings.csv", encodingFormat: "text/csv", sha256: "0".repeat(64) }],
    recordSet: [{ "@type": "cr:RecordSet", "@id": "ratings", field: [{ "@type": "cr:Field", "@id": "ratings/rating", dataType: "sc:Float", source: { fileObject: { "@id": "ratings.csv" }, extract: { column: "rating" } } }] }],
  };
}

test("the checker accepts the specification's minimal example and names what a broken one lacks", () => {
  assert.deepEqual(problems(minimal()), []);
  const broken = minimal();
  delete broken["datePublished"];
  broken["conformsTo"] = "http://mlcommons.org/croissant/1.0";
  broken["rai:dataCollection"] = ["a", "b"];
  assert.deepEqual(problems(broken), ["required datePublished missing", `conformsTo lacks ${SPEC_1_1}`, "rai:dataCollection: one value expected"]);
});

const SMALL = ["--users", "60", "--movies", "30", "--rct-users", "6", "--test2-draws", "60", "--test2-positives", "18", "--test3-draws", "40", "--test3-positives", "12"];
const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");

for (const format of ["csv", "both"]) {
  test(`croissant.json (--format ${format}) conforms to Croissant 1.1 and fills the RAI fields ctar knows`, () => {
    const dir = cardedDataset([...SMALL, "--format", format], "2026-03-04");
    const doc = JSON.parse(read(dir, "croissant.json")) as Doc;
    assert.deepEqual(problems(doc), []);
    for (const k of RAI_FILLED) assert.ok(doc[k] !== undefined, `${k} is filled`);
    // what ctar knows, in the fields' words: simulated from the m-graph with each mechanism named,
    // the missingness classes of the indicators, no person described
    assert.match(String(doc["rai:dataCollection"]), /^Simulated, not collected/);
    for (const m of ["R_R (popularity-missingness)", "R_O (selection-missingness)", "R_RCT (randomized-survey)", "R (rating)"]) assert.ok(String(doc["rai:dataCollection"]).includes(m), m);
    const biases = (doc["rai:dataBiases"] as string[]).join("\n");
    assert.match(biases, /class as a whole is MNAR/);
    assert.match(biases, /^R_R \(mechanism popularity-missingness\) masks R: MAR/m);
    assert.match(biases, /^R_O \(mechanism selection-missingness\) masks TL: MNAR/m);
    assert.match(biases, /^R_RCT \(mechanism randomized-survey\) masks TL: MCAR/m);
    assert.match((doc["rai:personalSensitiveInformation"] as string[])[0]!, /^None: every user is simulated/);
    // the tag list: an integer array, split on commas in CSV, a Parquet list as it is
    const movie = (doc["recordSet"] as Doc[]).find((r) => r["@id"] === "train/movie")!;
    const taglist = (movie["field"] as Doc[]).find((f) => f["name"] === "taglist")!;
    assert.equal(taglist["dataType"], "sc:Integer");
    assert.equal(taglist["isArray"], true);
    const source = taglist["source"] as { fileObject: { "@id": string }; transform?: { separator: string } };
    assert.deepEqual(source.transform, format === "csv" ? { separator: "," } : undefined);
    assert.equal(source.fileObject["@id"], format === "csv" ? "train/movie.csv" : "train/movie.parquet");
    const files = doc["distribution"] as Doc[];
    const csv = files.find((f) => f["@id"] === "train/rating.csv")!;
    assert.deepEqual(csv["sameAs"], format === "both" ? ["train/rating.parquet"] : undefined);
  });
}

test("the card's header declares a config per table with its splits and files, as the Hub reads data_files", () => {
  const dir = cardedDataset([...SMALL, "--format", "both"], "2026-03-04");
  const header = parse(/^---\n([\s\S]*?)\n---\n/.exec(read(dir, "README.md"))![1]!) as { configs: Array<{ config_name: string; data_files: Array<{ split: string; path: string }>; default?: boolean }> };
  const byName = new Map(header.configs.map((c) => [c.config_name, c]));
  assert.deepEqual([...byName.keys()], ["movie", "rating", "obstag", "rcttag", "test", "truth_liked_tags", "truth_movie", "truth_tag", "truth_obstag_dropped", "truth_user_tag"]);
  assert.deepEqual(byName.get("test")!.data_files, [
    { split: "test_1", path: "test/test_1.parquet" },
    { split: "test_2", path: "test/test_2.parquet" },
    { split: "test_3", path: "test/test_3.parquet" },
    { split: "all", path: "test/test.parquet" },
  ]);
  assert.equal(header.configs.filter((c) => c.default === true).length, 1);
  // the Hub's rule for split names: word characters (and dots)
  for (const c of header.configs) for (const f of c.data_files) assert.match(f.split, /^\w+(\.\w+)*$/);
  assert.match(read(dir, "README.md"), /Croissant 1\.1 metadata with the Responsible-AI fields/);
});
