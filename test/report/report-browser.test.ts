/**
 * `ctar report` in a real browser (headless Chromium): the page opened from file:// loads with no
 * console error and no request beyond itself, every figure is present with a non-empty SVG, and
 * a screenshot has the page's size and ink on it.
 */
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { browserSkipReason, collectErrors, launchBrowser } from "../helpers/browser.js";
import { ctar, tempDir } from "../helpers/paths.js";
import { summarisePng } from "../helpers/png.js";

// Code passed to page.evaluate runs in the page, where `document` exists (this project's types have no DOM).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const FIGURES = ["fig-mgraph", "fig-rating-histogram", "fig-ratings-per-user", "fig-ratings-per-movie", "fig-label-shares", "fig-tau", "fig-propensity", "fig-test-composition"];
const SMALL = ["--users", "300", "--movies", "120", "--quiet"];

let root = "";
before(() => {
  root = tempDir("ctar-report-browser-");
  for (const [name, seed, truth] of [["a", "1", "full"], ["b", "2", "basic"]] as const) {
    const r = ctar(["generate", "--out", join(root, name), "--seed", seed, "--truth", truth, ...SMALL]);
    assert.equal(r.status, 0, r.stderr);
  }
  const r = ctar(["report", join(root, "a"), "--compare", join(root, "b"), "--out", join(root, "report.html")]);
  assert.equal(r.status, 0, r.stderr);
});
after(() => rmSync(root, { recursive: true, force: true }));

test("the report opens from file:// with no console error, every figure drawn, and a screenshot with ink", { skip: browserSkipReason(), timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const url = pathToFileURL(join(root, "report.html")).href;
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: "load" });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [url], "the page loads nothing but itself");
    for (const id of FIGURES) {
      const fig = await page.evaluate((id) => {
        const f = document.getElementById(id);
        const svgs = f === null ? [] : [...f.querySelectorAll("svg")] as any[];
        return {
          present: f !== null,
          svgs: svgs.length,
          sizes: svgs.map((s) => s.getBoundingClientRect()).map((r: { width: number; height: number }) => [r.width, r.height]),
          marks: f === null ? 0 : f.querySelectorAll("svg path, svg rect, svg ellipse, svg polygon").length,
        };
      }, id);
      assert.ok(fig.present, `${id} is missing`);
      assert.equal(fig.svgs, id === "fig-mgraph" ? 2 : 1, `${id}: one drawing (two m-graphs side by side)`);
      for (const [w, h] of fig.sizes) assert.ok(w! > 50 && h! > 50, `${id}: an SVG of ${w}×${h}`);
      assert.ok(fig.marks > 5, `${id}: only ${fig.marks} marks`);
    }
    // --compare: the charts are faceted, one column per dataset, each titled.
    const texts: string[] = await page.evaluate(() => [...document.querySelectorAll("#fig-rating-histogram svg text")].map((t: { textContent: string }) => t.textContent));
    assert.ok(texts.includes("a") && texts.includes("b"), `facet headers a and b among ${texts.join("|")}`);
    const poCurve = await page.evaluate(() => document.querySelector("#fig-propensity svg")!.textContent ?? "");
    assert.match(poCurve, /P\(R_O = 1\)/, "the full-truth dataset's P(R_O = 1) curve has its legend entry");
    const png = await page.screenshot({ fullPage: true, type: "png" });
    writeFileSync(join(root, "report.png"), png);
    if (process.env.CTAR_KEEP_SCREENSHOTS !== undefined) writeFileSync(join(process.env.CTAR_KEEP_SCREENSHOTS, "report.png"), png);
    const s = summarisePng(png);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.equal(s.width, 1280);
    assert.equal(s.height, height);
    assert.ok(s.nonWhite > 0.05 * s.width * s.height, `only ${s.nonWhite} non-white pixels of ${s.width * s.height}`);
    assert.ok(s.colours > 20, `only ${s.colours} colours: the charts are not drawn`);
  } finally {
    await browser.close();
  }
});
