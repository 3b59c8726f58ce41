/**
 * `ctar report`'s page: one self-contained HTML file (inline SVG and CSS, no script, nothing
 * fetched) for one dataset, or two side by side (`--compare`). Sections follow the paper's
 * §6.2 figures (see report-figures.ts), then the `ctar stats` tables and the dataset card.
 * Pure apart from the chart and Graphviz renderers it awaits; the caller writes the file.
 */
import { parseGraphSpec } from "../graph/graph-spec.js";
import type { MGraph } from "../graph/mgraph.js";
import { classifyMissingness } from "../graph/missingness-class.js";
import type { ReportDataset } from "./report-dataset.js";
import { CTAR_STRUCTURE } from "../presets/ctar-graph.js";
import { datasetStats } from "../stats/dataset-stats.js";
import { VERSION } from "../version.js";
import * as specs from "./chart-specs.js";
import { toDot } from "./draw-graph.js";
import { renderChart } from "./render-chart.js";
import { renderSvg } from "./render-svg.js";
import { figureData, LABEL_SETS, type Row } from "./report-figures.js";

export interface LabelledDataset {
  /** Shown above its column, e.g. the folder name. */
  readonly label: string;
  readonly data: ReportDataset;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The graph that ran (config.json), or the CTAR preset's structure for a folder without a card. */
export function graphOf(d: ReportDataset): { graph: MGraph; from: string } {
  const g = d.card?.graph;
  if (g === undefined) return { graph: CTAR_STRUCTURE, from: "no config.json: the CTAR preset's graph (paper Figure 4) is drawn" };
  return { graph: parseGraphSpec(g, `${d.dir}/config.json: graph`), from: "the graph that ran (config.json)" };
}

/** The SVG element alone (Graphviz writes an XML prolog and a DOCTYPE first). */
function inlineSvg(svg: string): string {
  const at = svg.indexOf("<svg");
  return at < 0 ? svg : svg.slice(at);
}

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

export function figure(id: string, title: string, caption: string, body: string): string {
  return `<figure id="${id}" class="figure"><h3>${escapeHtml(title)}</h3>${body}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

async function graphSection(sets: readonly LabelledDataset[]): Promise<string> {
  const cols: string[] = [];
  for (const s of sets) {
    const { graph, from } = graphOf(s.data);
    const svg = inlineSvg(await renderSvg(toDot(graph)));
    const c = classifyMissingness(graph);
    const rows = c.indicators.map((i) => [i.indicator, i.variables.join(", "), i.class, i.witness]);
    cols.push(`<div class="col"><h4>${escapeHtml(s.label)}</h4><div class="mgraph">${svg}</div><p class="note">${escapeHtml(from)}; the graph is ${c.class}</p>${table(["indicator", "masks", "class", "witness"], rows)}</div>`);
  }
  return figure("fig-mgraph", "The m-graph and its missingness classes", "Drawn as the paper's Figure 4: black fully observed, white unobserved, double ring indicator, thick ring partially observed, dashed proxy.", `<div class="row">${cols.join("")}</div>`);
}

function statsSection(sets: readonly LabelledDataset[]): string {
  const cols = sets.map((s) => {
    const st = datasetStats(s.data.folder);
    const rows: (string | number)[][] = [
      ["movie.csv", s.data.folder.movieTags.length, `${st.distinctTags} distinct tags`],
      ["rating.csv", st.rating.rows, `${Object.entries(st.rating.histogram).map(([k, v]) => `${k}: ${v}`).join(" / ")}; ${st.rating.users} users, ${st.rating.movies} movies`],
      ["obstag.csv", st.obstag.rows, `${st.obstag.pairs} (user, movie) pairs; ${st.obstag.noTagRows} rows with tag −1; ${st.obstag.users} users`],
      ["rcttag.csv", st.rcttag.rows, `${st.rcttag.pairs} (user, movie) pairs; ${st.rcttag.noTagRows} rows with tag −1; ${st.rcttag.users} users`],
      ...Object.entries(st.tests).map(([n, t]) => [`${n}.csv`, t.rows, `${(100 * t.positiveShare).toFixed(1)}% positive (${t.positives}); ${t.users} users; ${t.distinctPairs} distinct (user, tag)`]),
    ];
    return `<div class="col"><h4>${escapeHtml(s.label)}</h4>${table(["file", "rows", "other figures"], rows)}</div>`;
  });
  return `<section id="stats"><h2>ctar stats</h2><div class="row">${cols.join("")}</div></section>`;
}

function cardFacts(d: ReportDataset): (string | number)[][] {
  const c = d.card;
  if (c === undefined) return [["config.json", "absent (not written by ctar generate, e.g. the released CTAR)"]];
  const cfg = (c.config ?? {}) as Record<string, unknown>;
  const facts: (string | number)[][] = [
    ["written by", `${String(c.tool ?? "?")} ${String(c.version ?? "?")}`],
    ["seed", String(c.seed ?? "?")],
    ["catalog", String(c.catalog ?? "?")],
    ["users × movies", `${String(cfg.users ?? "?")} × ${String(cfg.movies ?? "?")}`],
    ["compat", String(cfg.compat ?? "?")],
    ["truth", String(c.truth ?? "none")],
    ["interventions", Array.isArray(c.interventions) && c.interventions.length > 0 ? c.interventions.join(", ") : "none"],
  ];
  for (const w of Array.isArray(c.warnings) ? c.warnings : []) facts.push(["warning", String(w)]);
  return facts;
}

async function chart(id: string, title: string, caption: string, values: Row[], spec: specs.VegaLiteSpec): Promise<string> {
  if (values.length === 0) return figure(id, title, caption, `<p class="note">no data</p>`);
  return figure(id, title, caption, `<div class="chart">${await renderChart(spec, title)}</div>`);
}

/** A figure beyond the paper's, drawn for a variant's world (its rows computed by the caller). */
export interface ExtraChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly values: Row[];
  readonly spec: specs.VegaLiteSpec;
}

/** The whole report page; `extra`: figures of a variant's world (cli/report-variants.ts), after the truth's. */
export async function buildReport(sets: readonly LabelledDataset[], extra: readonly ExtraChart[] = []): Promise<string> {
  const compare = sets.map((s) => s.label);
  const fd = sets.map((s) => figureData(s.data, s.label));
  const all = <K extends keyof (typeof fd)[number]>(k: K): Row[] => fd.flatMap((f) => f[k]);
  const hasTruth = sets.some((s) => s.data.truth !== undefined);
  const hasPo = sets.some((s) => s.data.truth?.pObsTagByMovie !== undefined);
  const parts = [
    await graphSection(sets),
    await chart("fig-rating-histogram", "Fig. 5a: ratings", "Observed ratings R* per value (train/rating.csv).", all("ratingHistogram"), specs.ratingHistogramSpec(all("ratingHistogram"), compare)),
    await chart("fig-ratings-per-user", "Fig. 5b: ratings per user", "Number of users with k observed ratings; both axes logarithmic.", all("ratingsPerUser"), specs.ratingsPerSpec(all("ratingsPerUser"), compare, "users")),
    await chart("fig-ratings-per-movie", "Fig. 5c: ratings per movie", "Number of movies with k observed ratings; both axes logarithmic.", all("ratingsPerMovie"), specs.ratingsPerSpec(all("ratingsPerMovie"), compare, "movies")),
    await chart("fig-label-shares", "Fig. 6: label distributions", "Positive (like) and negative (dislike) shares: training labels as the authors built them (ObsTag, RCTTag, their union) and the test sets.", all("labelShares"), specs.labelSharesSpec(all("labelShares"), compare, LABEL_SETS)),
  ];
  if (hasTruth) {
    parts.push(
      await chart("fig-tau", "τ distribution", "τ(u, t) of the paper's Eq. 1 over every liked tag (truth/user_tag.csv).", all("tau"), specs.tauSpec(all("tau"), compare)),
      await chart("fig-propensity", "Exact propensities against popularity rank", hasPo ? "P(R_R = 1) per movie (truth/movie.csv) and P(R_O = 1) averaged over users (truth/full.csv.gz)." : "P(R_R = 1) per movie (truth/movie.csv); P(R_O = 1) needs truth/full.csv.gz (ctar generate --truth full).", all("propensity"), specs.propensitySpec(all("propensity"), compare)),
      await chart("fig-test-composition", "Tests I–III", "Rows of each test set by label: Test I holds the labels ObsTag dropped (all positive), Test II tags of rated movies, Test III of unrated ones.", all("testComposition"), specs.testCompositionSpec(all("testComposition"), compare)),
    );
  }
  for (const x of extra) parts.push(await chart(x.id, x.title, x.caption, x.values, x.spec));
  parts.push(statsSection(sets));
  const cards = sets.map((s) => `<div class="col"><h4>${escapeHtml(s.label)}</h4>${table(["fact", "value"], cardFacts(s.data))}</div>`);
  parts.push(`<section id="card"><h2>Dataset card</h2><div class="row">${cards.join("")}</div></section>`);
  const title = `CTAR dataset report: ${sets.map((s) => s.label).join(" vs ")}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="generator" content="ctar ${VERSION}">
<style>${REPORT_CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p class="note">Written by ctar ${VERSION} (CTAR, arXiv 2202.11351). Self-contained: nothing is loaded from the network.</p>
${parts.join("\n")}
</body></html>
`;
}

export const REPORT_CSS = `body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:15px;margin:0 0 8px}h4{font-size:13px;margin:4px 0}
.figure{margin:20px 0;padding:12px;border:1px solid #ddd;border-radius:6px}
figcaption,.note{font-size:12px;color:#555}
.row{display:flex;flex-wrap:wrap;gap:24px}.col{flex:1 1 420px;min-width:0}
.mgraph svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:12px;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}`;
