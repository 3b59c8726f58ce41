/**
 * `ctar explore` in a real browser (headless Chromium, 127.0.0.1 only): the page opens on the
 * CTAR graph; adding the edge TL → R_R through the UI turns R_R from MAR to MNAR with the trail
 * TL → R_R highlighted; undo restores it; the exported YAML equals the file the server was
 * started with; a text that does not parse is shown with line and column; a preview is drawn.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { showGraph, GRAPH_PRESETS } from "../../src/cli/graph.js";
import { type ExploreServer, startExploreServer } from "../../src/io/serve/explore-server.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { browserSkipReason, collectErrors, launchBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/paths.js";
import { summarisePng } from "../helpers/png.js";

// Code passed to page.evaluate runs in the page, where `document` and `fetch` are the browser's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

let root = "";
let file = "";
let server: ExploreServer;
before(async () => {
  root = tempDir("ctar-explore-browser-");
  file = join(root, "ctar.yaml");
  writeFileSync(file, showGraph(GRAPH_PRESETS.ctar!()));
  server = await startExploreServer({ host: "127.0.0.1", port: 0, initialText: readFileSync(file, "utf8"), initialFormat: "yaml", registry: builtinRegistry(), modules: [] });
});
after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const skip = browserSkipReason();

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launchBrowser>>["newPage"]>>;

/** Adds TL → R_R: R_R becomes MNAR with the trail highlighted; undo restores MAR; the export is the starting file. */
async function addEdgeAndUndo(page: Page): Promise<void> {
  await page.selectOption("#edge-from", "TL");
  await page.selectOption("#edge-to", "R_R");
  await page.click("#add-edge");
  await page.waitForFunction(() => document.querySelector('#classes tr[data-indicator="R_R"] td:nth-child(3)')?.textContent === "MNAR");
  const lit = await page.evaluate(() => [...document.querySelectorAll("#drawing g.edge.witness title")].map((t: { textContent: string }) => t.textContent));
  assert.ok(lit.includes("TL->R_R"), `highlighted edges: ${lit.join(", ")}`);
  assert.match((await page.inputValue("#editor")).replace(/\s+/g, " "), /name: R_R .*parents: \[ RecSys, TL \]/);
  const shot = await page.screenshot({ type: "png" });
  if (process.env.CTAR_KEEP_SCREENSHOTS !== undefined) writeFileSync(join(process.env.CTAR_KEEP_SCREENSHOTS, "explore.png"), shot);
  const s = summarisePng(shot);
  assert.equal(s.width, 1400);
  assert.equal(s.height, 1000);
  assert.ok(s.nonWhite > 0.03 * s.width * s.height, `only ${s.nonWhite} non-white pixels`);

  await page.click("#undo");
  await page.waitForFunction(() => document.querySelector('#classes tr[data-indicator="R_R"] td:nth-child(3)')?.textContent === "MAR");
  const edges = await page.evaluate(() => [...document.querySelectorAll("#drawing g.edge title")].map((t: { textContent: string }) => t.textContent));
  assert.ok(!edges.includes("TL->R_R"));
  // The export is the download link's blob: the YAML text, byte for byte the file it started from.
  const exported = await page.evaluate(async () => (await fetch(document.querySelector("#download-graph").href)).text());
  assert.equal(exported, readFileSync(file, "utf8"));
}

/** A node added, changed (set, plate, mechanism) and removed through the page. */
async function editNodes(page: Page): Promise<void> {
  // A node added, changed (set, plate, mechanism) and removed through the page.
  await page.fill("#node-name", "Mood");
  await page.selectOption("#node-set", "N");
  await page.selectOption("#node-plate", "user");
  await page.fill("#node-mechanism", "liked-tags");
  await page.click("#add-node");
  await page.waitForFunction(() => [...document.querySelectorAll("#drawing g.node title")].some((t: { textContent: string }) => t.textContent === "Mood"));
  assert.match(await page.inputValue("#editor"), /- name: Mood\n {4}set: N\n {4}plate: user\n {4}parents: \[\]\n {4}mechanism: \{ kind: liked-tags \}\n/);
  await page.selectOption("#node-set", "V_o");
  await page.selectOption("#node-plate", "movie");
  await page.fill("#node-mechanism", "movie-tags");
  await page.click("#change-node");
  await page.waitForFunction(() => /- name: Mood\n {4}set: V_o\n {4}plate: movie\n/.test(document.querySelector("#editor").value));
  await page.click("#remove-node");
  await page.waitForFunction(() => !document.querySelector("#editor").value.includes("Mood"));
  assert.equal(await page.inputValue("#editor"), readFileSync(file, "utf8"));
}

/** DAGitty and back, then a text that does not parse. */
async function switchFormats(page: Page): Promise<void> {
  // The same graph in DAGitty syntax, then back: the text forms stay in sync with the drawing.
  await page.selectOption("#format", "dagitty");
  await page.waitForFunction(() => document.querySelector("#editor").value.startsWith("dag {"));
  assert.match(await page.inputValue("#editor"), / {2}RecSys -> R_R\n/);
  await page.selectOption("#format", "yaml");
  await page.waitForFunction(() => document.querySelector("#editor").value.startsWith("name: ctar"));
  assert.equal(await page.inputValue("#editor"), readFileSync(file, "utf8"));

  // A text that does not parse: shown with line and column; the server keeps answering.
  await page.fill("#editor", "name: x\nnodes: [ {");
  await page.waitForFunction(() => document.querySelector("#parse-error")?.hidden === false);
  assert.match(await page.locator("#parse-error").innerText(), /^line 2, column \d+: /);
  await page.fill("#editor", readFileSync(file, "utf8"));
  await page.waitForFunction(() => document.querySelector("#parse-error")?.hidden === true);
}

/** A small preview, drawn with the report's figures. */
async function drawPreview(page: Page): Promise<void> {
  // A small preview, drawn with the report's figures.
  await page.fill("#preview-users", "150");
  await page.fill("#preview-movies", "60");
  await page.click("#preview");
  await page.waitForFunction(() => document.querySelectorAll("#preview-files li").length > 0, undefined, { timeout: 30_000 });
  const frame = page.frameLocator("#preview-frame");
  // the report draws its figures after the page loads (Vega renders asynchronously): wait for it
  await frame.locator("#fig-rating-histogram svg").waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator("#fig-rating-histogram svg").count(), 1);
  const files = await page.locator("#preview-files a").allTextContents();
  assert.ok(files.includes("train/rating.csv") && files.includes("config.json"), files.join(", "));
  const csv = await page.evaluate(async () => (await fetch(document.querySelector('#preview-files a[download="train_rating.csv"]').href)).text());
  assert.match(csv, /^userid,movieid,rating\n/);
  if (process.env.CTAR_KEEP_SCREENSHOTS !== undefined) {
    await page.locator("#preview-frame").scrollIntoViewIfNeeded();
    writeFileSync(join(process.env.CTAR_KEEP_SCREENSHOTS, "explore-preview.png"), await page.screenshot({ type: "png" }));
  }
}

test("explorer: add TL → R_R, see R_R become MNAR with its trail highlighted, undo, export YAML, bad text, preview", { skip, timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('#classes tr[data-indicator="R_R"]') !== null);
    assert.equal(await page.locator('#classes tr[data-indicator="R_R"] td:nth-child(3)').textContent(), "MAR");
    assert.equal(await page.locator("#drawing svg").count(), 1);

    await addEdgeAndUndo(page);
    await editNodes(page);
    await switchFormats(page);
    await drawPreview(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
