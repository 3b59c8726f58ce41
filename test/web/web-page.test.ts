/**
 * The page built for the browser alone (`npm run build:web`, docs/browser.md), opened from file://
 * in headless Chromium with no server: the CTAR graph is analysed and drawn; a malformed graph
 * shows one message; datasets — the preset at 200 × 100 and the default size, an edited graph
 * (as `--graph FILE`) with and without `--do`, Parquet, `truth: full` — download as zips whose files
 * (read back by Python's zipfile) are byte for byte those of `ctar generate` with the same options
 * and card date (truth/full.csv.gz: the same gzip members of the same text); the report shown is
 * `ctar report`'s; a mechanism not built in and a size too large for the tab are refused before
 * anything starts; a cancelled generation downloads nothing.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { browserSkipReason, collectErrors, launchBrowser } from "../helpers/browser.js";
import { REPO, ctarAsync, tempDir } from "../helpers/paths.js";
import { listFiles } from "../helpers/list-files.js";

// Code passed to page.evaluate runs in the page.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const PYTHON = "/usr/bin/python3";
const skip = browserSkipReason() ?? (existsSync(PYTHON) ? undefined : `needs ${PYTHON} (its zipfile module reads the download)`);
/** Each gzip member of a file: its decompressed length and SHA-256, one a line. */
const GZIP_MEMBERS = `import hashlib, sys, zlib
x = open(sys.argv[1], "rb").read()
while x:
    d = zlib.decompressobj(31)
    t = d.decompress(x)
    print(len(t), hashlib.sha256(t).hexdigest())
    x = d.unused_data`;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Page = Awaited<ReturnType<Browser["newPage"]>>;

let root = "";
let browser: Browser | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  if (skip !== undefined) return;
  root = tempDir("ctar-web-");
  const built = spawnSync(process.execPath, [join(REPO, "web/build.mjs")], { cwd: REPO, encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  process.stdout.write(built.stdout); // the bundle's size, quoted by docs/browser.md
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  errors = collectErrors(page);
  await page.goto(pathToFileURL(join(REPO, "dist/web/index.html")).href);
  await page.waitForSelector('#classes tr[data-indicator="R_R"]', { timeout: 60_000 });
});
after(async () => {
  await browser?.close();
  if (root !== "" && process.env["KEEP_WEB"] === undefined) rmSync(root, { recursive: true, force: true });
});

async function setSize(users: number, movies: number, seed: number): Promise<void> {
  await page.fill("#gen-users", String(users));
  await page.fill("#gen-movies", String(movies));
  await page.fill("#gen-seed", String(seed));
}

test("from file://: the CTAR graph is analysed and drawn in the page, the server's preview hidden", { skip }, async () => {
  assert.equal(await page.textContent('#classes tr[data-indicator="R_R"] td:nth-child(3)'), "MAR");
  assert.ok((await page.locator("#drawing svg g.node").count()) > 5, "the drawing has its nodes");
  assert.equal(await page.isVisible("#preview-section"), false);
  assert.equal(await page.isVisible("#dataset"), true);
  assert.deepEqual(errors, []);
});

test("a malformed graph shows one message, with its line", { skip }, async () => {
  const good = await page.inputValue("#editor");
  await page.fill("#editor", "name: x\nnodes: [\n");
  await page.waitForSelector("#parse-error:not([hidden])");
  const shown = await page.evaluate(() => [...document.querySelectorAll("#parse-error, #gen-error, #preview-error")].filter((e: { hidden: boolean }) => !e.hidden).map((e: { textContent: string }) => e.textContent));
  assert.equal(shown.length, 1, shown.join(" | "));
  assert.match(shown[0]!, /^line \d+, column \d+: .*cannot parse as YAML/);
  await page.fill("#editor", good);
  await page.waitForSelector("#parse-error", { state: "hidden" });
});

/** Sets the editor's text and waits for its analysis. */
async function setGraph(text: string): Promise<void> {
  await page.fill("#editor", text);
  await page.waitForTimeout(400); // the editor's debounce
  await page.waitForFunction(() => document.querySelector("#status").textContent === "");
}

interface Run {
  /** The graph file's text and name, as the page's "download graph" saves it; absent: the preset. */
  readonly graph?: { text: string; file: string };
  readonly doTexts?: readonly string[];
  readonly format?: "csv" | "parquet";
  readonly truth?: "basic" | "full";
  /** The page's Web Workers (default 1); the CLI runs with its own default. */
  readonly workers?: number;
}

let runs = 0;
/**
 * Generates in the page (with the editor and the options as they are), unzips the download with
 * Python, and compares every file with those of `ctar generate` run with the same options, the
 * graph file saved beside the CLI's dataset folder. Returns the unzipped folder.
 */
async function sameAsCli(users: number, movies: number, seed: number, run: Run = {}, t?: { diagnostic(m: string): void }): Promise<string> {
  await setSize(users, movies, seed);
  await page.fill("#gen-do", (run.doTexts ?? []).join(" "));
  await page.selectOption("#gen-format", run.format ?? "csv");
  await page.selectOption("#gen-truth", run.truth ?? "basic");
  await page.fill("#gen-workers", String(run.workers ?? 1));
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 300_000 }), page.click("#gen-start")]);
  const took = Date.now() - started;
  const name = `ctar-${users}x${movies}-seed${seed}`;
  assert.equal(download.suggestedFilename(), `${name}.zip`);
  const dir = join(root, `run${++runs}`);
  mkdirSync(dir);
  const zip = join(dir, `${name}.zip`);
  await download.saveAs(zip);
  // the figures docs/browser.md quotes
  t?.diagnostic(`${name}${run.format === "parquet" ? " (Parquet)" : ""}${run.truth === "full" ? " (truth: full)" : ""}, ${run.workers ?? 1} worker(s): generated with its report in ${(took / 1000).toFixed(1)} s; zip ${(statSync(zip).size / 2 ** 20).toFixed(2)} MiB`);
  const unzipped = join(dir, name);
  const r = spawnSync(PYTHON, ["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])", zip, unzipped], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const date = /Card written on (\d{4})-(\d{2})-(\d{2})\./.exec(readFileSync(join(unzipped, "README.md"), "utf8"));
  assert.ok(date !== null, "the card states its date");
  const epoch = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 1000;
  const cli = join(dir, "cli");
  const args = ["generate", "--out", cli, "--quiet", "--users", String(users), "--movies", String(movies), "--seed", String(seed)];
  if (run.graph !== undefined) {
    writeFileSync(join(dir, run.graph.file), run.graph.text);
    args.push("--graph", join(dir, run.graph.file));
  }
  for (const d of run.doTexts ?? []) args.push("--do", d);
  if (run.format !== undefined) args.push("--format", run.format);
  if (run.truth !== undefined) args.push("--truth", run.truth);
  const g = await ctarAsync(args, { env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } });
  assert.equal(g.status, 0, g.stderr);
  const files = listFiles(cli).sort();
  assert.deepEqual(listFiles(unzipped).sort(), files);
  assert.ok(files.includes("croissant.json") && files.includes(`truth/user_tag.${run.format === "parquet" ? "parquet" : "csv"}`));
  // with Parquet, truth/full is a Parquet table like the others (converted from the same text)
  const gz = run.truth === "full" && run.format !== "parquet";
  if (run.truth === "full") assert.ok(files.includes(gz ? "truth/full.csv.gz" : "truth/full.parquet"));
  // a browser's gzip (CompressionStream) is not Node's zlib: truth/full.csv.gz holds the same
  // members' text, compressed otherwise, so croissant.json states its own size and checksum
  const gzipped = gz ? ["truth/full.csv.gz", "croissant.json"] : [];
  for (const f of files) if (!gzipped.includes(f)) assert.ok(readFileSync(join(unzipped, f)).equals(readFileSync(join(cli, f))), `${f} differs from ctar generate's`);
  if (gz) {
    const members = (file: string) => {
      const r = spawnSync(PYTHON, ["-c", GZIP_MEMBERS, file], { encoding: "utf8", maxBuffer: 1 << 30 });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    assert.equal(members(join(unzipped, "truth/full.csv.gz")), members(join(cli, "truth/full.csv.gz")), "the same members, each of the same text");
    const entry = (file: string) => {
      const c = JSON.parse(readFileSync(file, "utf8"));
      const d = c.distribution.find((x: { contentUrl?: string }) => x.contentUrl === "truth/full.csv.gz");
      assert.ok(d !== undefined, "croissant.json lists truth/full.csv.gz");
      delete d.contentSize;
      delete d.sha256;
      return c;
    };
    assert.deepEqual(entry(join(unzipped, "croissant.json")), entry(join(cli, "croissant.json")));
  }
  assert.match((await page.textContent("#gen-status")) ?? "", /^done/);
  return unzipped;
}

test("200 users × 100 movies, seed 7: the zip holds ctar generate's files, byte for byte", { skip }, () => sameAsCli(200, 100, 7).then(() => undefined));

// the default size: enough draws that an engine's own Math.exp or Math.log would show in the last digits
test("1000 users × 1000 movies, seed 9527: the same files as ctar generate", { skip }, async (t) => {
  await sameAsCli(1000, 1000, 9527, {}, t);
  // four blocks of users on two Web Workers: the same bytes
  await sameAsCli(1000, 1000, 9527, { workers: 2 }, t);
});

test("Web Workers: 1500 users × 500 movies with truth: full on 3 workers, the files of ctar generate", { skip }, (t) => sameAsCli(1500, 500, 29, { workers: 3, truth: "full" }, t).then(() => undefined));

test("the report of the dataset is shown: the figures ctar report draws of the same files", { skip }, async () => {
  const dir = await sameAsCli(200, 100, 13);
  await page.waitForSelector("#report-section:not([hidden])");
  const frame = page.frameLocator("#report-frame");
  // the m-graph, Fig. 5a–c, Fig. 6, τ, the propensities, Tests I–III: each a figure with its SVG
  assert.equal(await frame.locator("figure.figure").count(), 8);
  assert.equal(await frame.locator("figure.figure svg").count(), 8);
  const shown: string = await page.evaluate(() => document.querySelector("#report-frame").srcdoc);
  const out = join(root, "report-cli.html");
  const r = await ctarAsync(["report", dir, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const cli = readFileSync(out, "utf8");
  // the figures' data: e.g. Fig. 5a's bars are the counts of each rating in train/rating.csv
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(dir, "train/rating.csv"), "utf8").trim().split("\n").slice(1)) {
    const rating = line.split(",")[2]!;
    counts.set(rating, (counts.get(rating) ?? 0) + 1);
  }
  for (const [rating, count] of counts) assert.ok(shown.includes(`aria-label="rating: ${rating}; observed ratings: ${count}"`), `Fig. 5a has no bar of ${count} ratings ${rating}`);
  // Vega's scales use the engine's Math.log, whose last bit differs between Chromium and Node: the
  // marks' positions may differ in the 16th digit, their data (each mark's aria-label) may not
  const labels = (html: string) => [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(labels(cli).length > 50, `only ${labels(cli).length} aria-labels`);
  assert.deepEqual(labels(shown), labels(cli));
  const withoutCharts = (html: string) => html.replace(/<div class="chart"><svg[\s\S]*?<\/svg><\/div>/g, "<div class=chart/>");
  assert.equal(withoutCharts(shown), withoutCharts(cli), "besides the charts' drawing, the page's report is ctar report's page, byte for byte");
});

test("the edited graph is generated: the files of ctar generate --graph FILE, FILE the page's graph text", { skip }, async () => {
  const preset = await page.inputValue("#editor");
  const edited = preset.replace("rate: 0.02, temperature: 500", "rate: 0.06, temperature: 500").replace("sigma: 0.75", "sigma: 0.4");
  assert.notEqual(edited, preset);
  await setGraph(edited);
  const dir = await sameAsCli(300, 120, 11, { graph: { text: edited, file: "ctar.yaml" } });
  const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  assert.equal(config.graphFile.path, "../ctar.yaml");
  assert.equal(config.graph.nodes.find((n: { name: string }) => n.name === "Q").mechanism.params.sigma, 0.4);
  // with an intervention, as --do takes it
  await sameAsCli(200, 100, 5, { graph: { text: edited, file: "ctar.yaml" }, doTexts: ["R_R=uniform:0.03"] });
  await setGraph(preset);
});

test("a DAGitty text is generated from its YAML form: the files of ctar generate --graph with that YAML", { skip }, async () => {
  const preset = await page.inputValue("#editor");
  await page.selectOption("#format", "dagitty");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "");
  const dagitty = await page.inputValue("#editor");
  assert.match(dagitty, /^dag\s*\{/, "the editor shows the graph as DAGitty text");
  // the same graph with a blank line added: an edited text, the same m-graph (the order of the
  // lines is not free: a node's parents are taken in the order its edges are listed)
  const lines = dagitty.split("\n");
  const edited = [lines[0]!, "", ...lines.slice(1)].join("\n");
  assert.notEqual(edited, dagitty);
  await setGraph(edited);
  // what "download graph" saves for a DAGitty text, shown by switching the text form to YAML
  await page.selectOption("#format", "yaml");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "");
  const yaml = await page.inputValue("#editor");
  assert.match(yaml, /mechanism/, "the YAML form keeps the mechanisms");
  await page.selectOption("#format", "dagitty");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "");
  const dir = await sameAsCli(200, 100, 13, { graph: { text: yaml, file: "ctar.yaml" } });
  assert.equal(JSON.parse(readFileSync(join(dir, "config.json"), "utf8")).graphFile.path, "../ctar.yaml");
  await page.selectOption("#format", "yaml");
  await setGraph(preset);
});

test("the preset with --do: the files of ctar generate --do", { skip }, () => sameAsCli(200, 100, 5, { doTexts: ["R_R=uniform:0.03", "RecSys=uniform"] }).then(() => undefined));

test("Parquet: the zip holds the files of ctar generate --format parquet, byte for byte", { skip }, async (t) => {
  const dir = await sameAsCli(300, 150, 17, { format: "parquet" }, t);
  assert.ok(listFiles(dir).every((f) => !f.endsWith(".csv")), "no CSV table is left");
  // the report is drawn from the same values
  assert.equal(await page.frameLocator("#report-frame").locator("figure.figure svg").count(), 8);
});

test("truth: full — the files of ctar generate --truth full; truth/full.csv.gz the same gzip members of the same text", { skip }, async () => {
  await sameAsCli(200, 120, 19, { truth: "full" });
  // P(R_O = 1) of truth/full.csv.gz joins the propensity figure, as ctar report draws it
  const shown: string = await page.evaluate(() => document.querySelector("#report-frame").srcdoc);
  assert.match(shown, /P\(R_O = 1\), mean over users/);
});

test("Parquet with truth: full and an edited graph: every file byte for byte, truth/full.parquet included", { skip }, async () => {
  const preset = await page.inputValue("#editor");
  const edited = preset.replace("sigma: 0.75", "sigma: 0.5");
  await setGraph(edited);
  await sameAsCli(150, 80, 23, { graph: { text: edited, file: "ctar.yaml" }, format: "parquet", truth: "full" });
  await setGraph(preset);
});

test("a mechanism that is not built in is refused before a worker starts, naming the node", { skip }, async () => {
  const preset = await page.inputValue("#editor");
  await setGraph(preset.replace("kind: quality,", "kind: my-quality,"));
  await setSize(200, 100, 1);
  await page.fill("#gen-do", "");
  await page.click("#gen-start");
  await page.waitForSelector("#gen-error:not([hidden])");
  assert.match((await page.textContent("#gen-error")) ?? "", /^ctar\.yaml: node 'Q': mechanism 'my-quality' is not built into ctar, and a page cannot load mechanism modules/);
  assert.equal(await page.isDisabled("#gen-cancel"), true, "no generation is running");
  await setGraph(preset);
  await page.fill("#gen-do", "R_R=nonsense");
  await page.click("#gen-start");
  await page.waitForFunction(() => /R_R=nonsense/.test(document.querySelector("#gen-error").textContent));
  await page.fill("#gen-do", "");
});

test("a size too large for the tab is refused before a worker starts", { skip }, async () => {
  await setSize(1_000_000, 1000, 1);
  await page.selectOption("#gen-format", "csv");
  await page.selectOption("#gen-truth", "basic");
  await page.click("#gen-start");
  await page.waitForSelector("#gen-error:not([hidden])");
  assert.match((await page.textContent("#gen-error")) ?? "", /^1000000 users × 1000 movies: up to [\d,]+ MiB in this tab, above its [\d,]+ MiB/);
  assert.equal(await page.isDisabled("#gen-cancel"), true, "no generation is running");
  assert.equal(await page.textContent("#gen-status"), "");
  await setSize(0, 100, 1);
  await page.click("#gen-start");
  await page.waitForFunction(() => /users/.test(document.querySelector("#gen-error").textContent) && !/1000000/.test(document.querySelector("#gen-error").textContent));
});

test("cancel stops the worker: nothing is downloaded", { skip }, async () => {
  await setSize(3000, 1000, 3);
  await page.selectOption("#gen-format", "csv");
  await page.selectOption("#gen-truth", "basic");
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.click("#gen-start");
  await page.waitForFunction(() => /^generating: [1-9]/.test(document.querySelector("#gen-status").textContent), null, { timeout: 60_000 }).catch(async (e) => {
    throw new Error(`${e.message}; status '${await page.textContent("#gen-status")}', error '${await page.textContent("#gen-error")}', errors ${errors.join(" | ")}`);
  });
  await page.click("#gen-cancel");
  assert.equal(await page.textContent("#gen-status"), "cancelled: nothing downloaded");
  // what the whole generation takes, and more: a worker still running would have offered its zip by now
  await page.waitForTimeout(12_000);
  assert.equal(downloads, 0);
  assert.equal(await page.isHidden("#gen-download"), true);
  assert.equal(await page.isDisabled("#gen-start"), false);
  assert.deepEqual(errors, []);
});
