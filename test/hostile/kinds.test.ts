/**
 * Every reader through every kind of file that is not the file it expects: a FIFO, a link to a
 * device (/dev/null reads as empty, /dev/zero never ends), a folder, binary garbage with NUL
 * bytes, UTF-16 text (a Windows editor's "Unicode") and a file cut in the middle of a row. The
 * one reader (src/io/fs/input.ts) refuses the non-regular ones before reading; the table,
 * config, graph, policy and catalog parsers name the file (and line) of the rest. Every case:
 * one line naming the file, the documented exit code, no stack trace, nothing written. Each
 * case is killed after 60 s, so a reader that blocks fails its case instead of hanging.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure } from "./harness.js";
import { datasetCopy, partsCopy, scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NEVER = { timeoutMs: 60_000 };

/** Replaces the file at `p` by one of the kinds; returns what the message must say after the name. */
type Kind = readonly [string, (p: string) => void, string];
const replace = (p: string) => rmSync(p, { recursive: true, force: true });
const FIFO: Kind = ["a FIFO", (p) => (replace(p), execFileSync("mkfifo", [p])), ": not a regular file"];
const DEV_NULL: Kind = ["a link to /dev/null", (p) => (replace(p), symlinkSync("/dev/null", p)), ": not a regular file"];
const DEV_ZERO: Kind = ["a link to /dev/zero", (p) => (replace(p), symlinkSync("/dev/zero", p)), ": not a regular file"];
const FOLDER: Kind = ["a folder", (p) => (replace(p), mkdirSync(p)), ": (is a folder|not a regular file)"];
const GARBAGE: Kind = ["binary garbage", (p) => writeFileSync(p, Buffer.from([0x00, 0xff, 0xfe, 0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a, 0x1b, 0x00, 0x0a, 0x00])), "(:\\d+)?: "];
const UTF16: Kind = ["UTF-16 text", (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(p, "utf8"), "utf16le")])), "(:\\d+)?: "];
/** Cut after the first character of the last row: a row with one field where the table has more. */
const TRUNCATED: Kind = ["cut in the middle of a row", (p) => {
  const t = readFileSync(p, "utf8").replace(/\n$/, "");
  writeFileSync(p, t.slice(0, t.lastIndexOf("\n") + 2));
}, "(:\\d+)?: "];
/** Binary garbage and UTF-16 parse as a YAML string: not a graph specification (exit 4, as any document that is not a graph). */
const NOT_A_GRAPH = ": not a valid graph specification";
const TABLE_KINDS: readonly Kind[] = [FIFO, DEV_NULL, FOLDER, GARBAGE, UTF16, TRUNCATED];

/** [command, file of the dataset it reads, args, exit code] */
const SLOTS: Array<[string, string, (d: string, out: string) => string[]]> = [
  ["stats", "train/movie.csv", (d) => ["stats", d]],
  ["stats", "test/test_3.csv", (d) => ["stats", d]],
  ["bench", "train/obstag.csv", (d) => ["bench", d, "--runs", "1", "--epochs", "1", "--models", "mf", "--workers", "1"]],
  ["bench", "test/test_1.csv", (d) => ["bench", d, "--runs", "1", "--epochs", "1", "--models", "mf", "--workers", "1"]],
  ["export", "train/rating.csv", (d, out) => ["export", d, "--to", "cornac", "--out", out]],
  ["export", "train/rcttag.csv", (d, out) => ["export", d, "--to", "recbole", "--out", out]],
  ["report", "train/movie.csv", (d, out) => ["report", d, "--out", `${out}.html`]],
  ["report", "truth/movie.csv", (d, out) => ["report", d, "--out", `${out}.html`]],
  ["verify", "train/obstag.csv", (d) => ["verify", d]],
];

describe("dataset tables of every kind, for every reader", { concurrency: 6 }, () => {
  for (const [command, file, args] of SLOTS) {
    for (const [kind, make, says] of TABLE_KINDS) {
      it(`${command}: ${file} is ${kind}`, async () => {
        const d = datasetCopy();
        make(join(d, file));
        const out = join(scratch(), "out");
        await expectFailure({ args: args(d, out), code: 3, match: new RegExp(`ds/${esc(file)}${says}`), absent: [out, `${out}.html`], clean: [join(out, "..")], options: NEVER });
      });
    }
  }
});

/** A file of `text` in a fresh folder. */
const fileOf = (name: string, text: string) => () => {
  const p = join(scratch(), name);
  writeFileSync(p, text);
  return p;
};

const CONFIG = "users: 40\nmovies: 30\nrct: { users: 8, moviesPerUser: 5 }\n";
const POLICY = "userid,movieid,score\n0,1,0.5\n1,2,0.25\n2,3,0.125\n";
/** [command, make the file, args given the file and an output, [kind, exit code, what the message says]] */
type Slot = readonly [Kind, number, string?];
const FILES: Array<[string, () => string, (f: string, out: string) => string[], readonly Slot[]]> = [
  ["generate --config", fileOf("c.yaml", CONFIG), (f, out) => ["generate", "--out", out, "--config", f], [[DEV_NULL, 2], [DEV_ZERO, 2], [GARBAGE, 2], [UTF16, 2]]],
  ["verify --config", fileOf("c.yaml", CONFIG), (f) => ["verify", "--config", f], [[FIFO, 2], [DEV_ZERO, 2], [GARBAGE, 2]]],
  ["graph convert", fileOf("g.yaml", "nodes: []\n"), (f) => ["graph", "convert", f, "--to", "json"], [[DEV_NULL, 3], [FOLDER, 3], [GARBAGE, 4, NOT_A_GRAPH], [UTF16, 4, NOT_A_GRAPH]]],
  ["graph validate --graph", fileOf("g.yaml", "nodes: []\n"), (f) => ["graph", "validate", "--graph", f], [[DEV_NULL, 3], [GARBAGE, 4, NOT_A_GRAPH], [UTF16, 4, NOT_A_GRAPH]]],
  ["ope --policy", fileOf("p.csv", POLICY), (f) => ["ope", datasetCopy(), "--policy", f], [[DEV_NULL, 3], [DEV_ZERO, 3], [GARBAGE, 3], [UTF16, 3], [TRUNCATED, 3]]],
];

describe("configuration, graph and policy files of every kind", { concurrency: 6 }, () => {
  for (const [command, make, args, slots] of FILES) {
    for (const [[kind, breakIt, says], code, message] of slots) {
      it(`${command}: ${kind}`, async () => {
        const f = make();
        breakIt(f);
        const out = join(scratch(), "out");
        await expectFailure({ args: args(f, out), code, match: new RegExp(`${esc(basename(f))}${message ?? says}`), absent: [out], clean: [join(out, "..")], options: NEVER, listAllowed: true });
      });
    }
  }
});

/** A catalog folder the generator accepts (12 movies, 3 tags each). */
function catalog(): string {
  const cat = join(scratch(), "cat");
  mkdirSync(cat);
  const movies = Array.from({ length: 12 }, (_, i) => i + 1);
  writeFileSync(join(cat, "movie_rating.csv"), `movieid,rating\n${movies.map((m) => `${m},${1 + (m % 4)}.5`).join("\n")}\n`);
  writeFileSync(join(cat, "movie_tag_ct.csv"), `movieid,tagid,tagCount\n${movies.flatMap((m) => [0, 1, 2].map((k) => `${m},${(m + k) % 15},${m + k + 1}`)).join("\n")}\n`);
  return cat;
}
const CATALOG_RUN = ["--users", "20", "--movies", "10", "--liked-tags-min", "2", "--liked-tags-max", "5", "--tags-per-movie", "3", "--rct-users", "4", "--rct-movies", "3", "--test2-draws", "10", "--test2-positives", "2", "--test3-draws", "10", "--test3-positives", "2"];

describe("catalog files of every kind (generate --catalog)", { concurrency: 6 }, () => {
  for (const file of ["movie_rating.csv", "movie_tag_ct.csv"]) {
    for (const [kind, make, says] of [FIFO, DEV_ZERO, FOLDER, GARBAGE, UTF16, TRUNCATED]) {
      it(`${file} is ${kind}`, async () => {
        const cat = catalog();
        make(join(cat, file));
        const out = join(scratch(), "out");
        await expectFailure({ args: ["generate", "--out", out, "--quiet", "--catalog", cat, ...CATALOG_RUN], code: 3, match: new RegExp(`cat/${esc(file)}${says}`), absent: [out], clean: [join(out, "..")], options: NEVER });
      });
    }
  }
});

describe("a part's files of every kind (merge)", { concurrency: 6 }, () => {
  // [part, file, kind] (a part's movie.csv is never read: merge writes it from the recorded run)
  const cases: Array<[0 | 1, string, Kind]> = [
    [1, "part.json", DEV_NULL],
    [1, "part.json", GARBAGE],
    [1, "part.json", UTF16],
    [1, "train/obstag.csv", DEV_ZERO],
    [0, "train/rcttag.csv", FIFO],
    [1, "test/test_1.csv", FOLDER],
  ];
  for (const [part, file, [kind, make, says]] of cases) {
    it(`part ${part}: ${file} is ${kind}`, async () => {
      const parts = partsCopy();
      make(join(parts[part], file));
      const out = join(parts[0], "..", "merged");
      await expectFailure({ args: ["merge", ...parts, "--out", out], code: 3, match: new RegExp(`part-${part}/${esc(file)}${says}`), absent: [out], clean: [join(out, "..")], options: NEVER });
    });
  }
});
