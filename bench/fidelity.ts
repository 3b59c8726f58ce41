/**
 * The fidelity table of the README: generates the reference-compatible dataset on a base catalog
 * for many seeds and prints mean ± sd over seeds of the figures of docs/release.md#the-released-dataset.
 * Usage: node dist/bench/fidelity.js [catalogDir=../shared/ctar-base] [seeds=30] [firstSeed=100]
 */
import { resolve } from "node:path";
import { loadBaseCatalog } from "../src/io/inputs/read-base-catalog.js";
import { parseCtarConfig } from "../src/config/parse-config.js";
import { generateDataset } from "../src/generate/generate.js";

const [dir = "../shared/ctar-base", k = "30", first = "100"] = process.argv.slice(2);
const catalog = resolve(dir);
const base = loadBaseCatalog(catalog);
const series: Record<string, number[]> = {};
const add = (name: string, v: number) => (series[name] ??= []).push(v);
for (let seed = Number(first); seed < Number(first) + Number(k); seed++) {
  const d = generateDataset(parseCtarConfig({ seed, catalog, compat: "reference" }), base);
  const r = d.tables.rating;
  const hist = [0, 0, 0, 0, 0];
  for (let i = 0; i < r.length; i++) hist[r.c[i]! - 1]!++;
  add("rating rows", r.length);
  hist.forEach((h, i) => add(`rating share ${i + 1} (%)`, (100 * h) / r.length));
  let neg = 0;
  for (let i = 0; i < d.tables.obstag.length; i++) if (d.tables.obstag.c[i]! < 0) neg++;
  add("obstag rows", d.tables.obstag.length);
  add("obstag −1 rows", neg);
  add("rcttag rows", d.tables.rcttag.length);
  const pos = (l: Float64Array) => (100 * l.reduce((a, b) => a + b, 0)) / l.length;
  add("test_1 rows", d.tests.test1.user.length);
  add("test_2 rows", d.tests.test2.user.length);
  add("test_2 positive (%)", pos(d.tests.test2.label));
  add("test_3 rows", d.tests.test3.user.length);
  add("test_3 positive (%)", pos(d.tests.test3.label));
  add("distinct tags in movie.csv", d.movieCsvTags);
}
console.log(`| figure | mean | sd | (${k} seeds from ${first}, ${catalog}, --compat reference) |`);
console.log("|---|---|---|---|");
for (const [name, v] of Object.entries(series)) {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
  console.log(`| ${name} | ${m.toFixed(2)} | ${sd.toFixed(2)} | |`);
}
