/**
 * Vega-Lite specifications of the report's charts (Satyanarayan et al. 2017, "Vega-Lite: a
 * grammar of interactive graphics"). Geometry, scales, binning and axes are Vega-Lite's; this
 * module only says which field goes where. With two datasets each chart is faceted into one
 * column per dataset, in the order given, so the second dataset is drawn beside the first on
 * the same scales.
 */
import type { Row } from "./report-figures.js";

export type VegaLiteSpec = Readonly<Record<string, unknown>>;

const WIDTH = 320;
const HEIGHT = 200;

function base(values: readonly Row[], datasets: readonly string[], inner: Record<string, unknown>): VegaLiteSpec {
  const config = { font: "Helvetica, Arial, sans-serif", axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, labelLimit: 320 } };
  if (datasets.length < 2) return { $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { values }, width: WIDTH, height: HEIGHT, config, ...inner };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values },
    facet: { column: { field: "dataset", type: "nominal", title: null, sort: [...datasets] } },
    spec: { width: WIDTH, height: HEIGHT, ...inner },
    resolve: { scale: { y: "shared" } },
    config,
  };
}

/** Fig. 5a: number of observed ratings per rating value. */
export function ratingHistogramSpec(values: readonly Row[], datasets: readonly string[]): VegaLiteSpec {
  return base(values, datasets, {
    mark: { type: "bar", color: "#4c78a8" },
    encoding: {
      x: { field: "rating", type: "ordinal", title: "rating", axis: { labelAngle: 0 } },
      y: { field: "count", type: "quantitative", title: "observed ratings" },
    },
  });
}

/** Fig. 5b–c: how many users (movies) have k observed ratings, both axes logarithmic. */
export function ratingsPerSpec(values: readonly Row[], datasets: readonly string[], who: "users" | "movies"): VegaLiteSpec {
  return base(values, datasets, {
    mark: { type: "point", filled: true, size: 28, color: who === "users" ? "#4c78a8" : "#f58518" },
    encoding: {
      x: { field: "ratings", type: "quantitative", scale: { type: "log" }, title: `observed ratings per ${who === "users" ? "user" : "movie"}` },
      y: { field: who, type: "quantitative", scale: { type: "log" }, title: `number of ${who}` },
    },
  });
}

/** Fig. 6: positive / negative share of each training and test set. */
export function labelSharesSpec(values: readonly Row[], datasets: readonly string[], order: readonly string[]): VegaLiteSpec {
  return base(values, datasets, {
    mark: "bar",
    encoding: {
      y: { field: "set", type: "nominal", sort: order, title: null },
      x: { field: "share", type: "quantitative", stack: "normalize", title: "proportion", axis: { format: ".0%" } },
      color: { field: "label", type: "nominal", scale: { domain: ["negative (dislike)", "positive (like)"], range: ["#e45756", "#54a24b"] }, title: null },
      order: { field: "label", sort: "ascending" },
      tooltip: [{ field: "set" }, { field: "label" }, { field: "count", type: "quantitative" }],
    },
  });
}

/** The distribution of τ(u, t) over liked tags (truth/user_tag.csv), Vega-Lite's binning. */
export function tauSpec(values: readonly Row[], datasets: readonly string[]): VegaLiteSpec {
  return base(values, datasets, {
    mark: { type: "bar", color: "#72b7b2" },
    encoding: {
      x: { field: "tau", type: "quantitative", bin: { maxbins: 40 }, title: "τ(u, t) over liked tags" },
      y: { aggregate: "count", type: "quantitative", title: "(user, tag) pairs" },
    },
  });
}

/** Exact propensities against popularity rank (truth/movie.csv; truth/full.csv.gz for R_O). */
export function propensitySpec(values: readonly Row[], datasets: readonly string[]): VegaLiteSpec {
  return base(values, datasets, {
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: { field: "rank", type: "quantitative", title: "popularity rank (0 = most popular)" },
      y: { field: "p", type: "quantitative", title: "exact probability" },
      color: { field: "propensity", type: "nominal", title: null, scale: { range: ["#4c78a8", "#e45756"] } },
    },
  });
}

/** Tests I–III: rows by label (counts, not shares: the sizes differ by design). */
export function testCompositionSpec(values: readonly Row[], datasets: readonly string[]): VegaLiteSpec {
  return base(values, datasets, {
    mark: "bar",
    encoding: {
      x: { field: "set", type: "nominal", title: null, sort: ["Test I", "Test II", "Test III"], axis: { labelAngle: 0 } },
      y: { field: "count", type: "quantitative", title: "rows" },
      color: { field: "label", type: "nominal", scale: { domain: ["negative (dislike)", "positive (like)"], range: ["#e45756", "#54a24b"] }, title: null },
    },
  });
}

/**
 * A sweep (`ctar report SWEEP`): one line per series (a model, or a figure of the data) against
 * the swept option's value, with ± sd bars where `lo`/`hi` are given. The x axis is
 * logarithmic when the values are positive and span a factor of 10 or more, and is ticked at the
 * swept values only. With bars, the series are dodged: drawn side by side around each value
 * (over 8% of the axis in all), so that their bars do not hide one another; the tooltip gives
 * the value itself.
 */
export function sweepLinesSpec(values: readonly Row[], o: { x: string; y: string; series: string; order: readonly string[]; xs: readonly number[]; percent?: boolean }): VegaLiteSpec {
  const log = o.xs.every((x) => x > 0) && Math.max(...o.xs) / Math.min(...o.xs) >= 10;
  const bars = values.some((r) => r["lo"] !== undefined);
  const n = o.order.length;
  const span = log ? Math.log10(Math.max(...o.xs) / Math.min(...o.xs)) : Math.max(...o.xs) - Math.min(...o.xs);
  const step = bars && n > 1 && span > 0 ? (0.08 * span) / (n - 1) : 0;
  const dodged = values.map((r) => {
    const d = step * (o.order.indexOf(String(r["series"])) - (n - 1) / 2);
    const x = Number(r["x"]);
    return { ...r, xd: log ? x * 10 ** d : x + d };
  });
  const yAxis = o.percent === true ? { format: ".1%" } : {};
  const color = { field: "series", type: "nominal", title: o.series, sort: [...o.order], legend: { orient: "right", labelLimit: 320 } };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 60 } },
      encoding: { y: { field: "y", type: "quantitative", title: o.y, scale: { zero: false }, axis: yAxis }, tooltip: [{ field: "series" }, { field: "x" }, { field: "y", format: ".4f" }] },
    },
  ];
  if (bars) layers.push({ mark: { type: "errorbar", ticks: { size: 6 }, thickness: 1.5, opacity: 0.7 }, encoding: { y: { field: "lo", type: "quantitative", title: o.y }, y2: { field: "hi" } } });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values: dodged },
    width: 480,
    height: 280,
    config: { font: "Helvetica, Arial, sans-serif", axis: { labelFontSize: 12, titleFontSize: 13 }, legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 320 } },
    encoding: {
      x: { field: "xd", type: "quantitative", title: o.x, scale: log ? { type: "log", nice: false, padding: 16 } : { zero: false, nice: false, padding: 16 }, axis: { values: [...o.xs], labelFlush: false } },
      color,
    },
    layer: layers,
  };
}

/** A variant's probabilities against the rank of a user's list (ctar-uplift's Rec, ctar-clicks' E and C). */
export function rankCurveSpec(values: readonly Row[], xTitle: string, log: boolean): VegaLiteSpec {
  return base(values, [], {
    mark: { type: "line", strokeWidth: 1.5, point: !log },
    encoding: {
      x: { field: "rank", type: "quantitative", title: xTitle, scale: log ? { type: "log" } : { zero: false } },
      y: { field: "p", type: "quantitative", title: "probability" },
      color: { field: "series", type: "nominal", title: null, scale: { range: ["#4c78a8", "#e45756", "#54a24b"] } },
    },
  });
}

/** The distribution of the exact effect of a treatment over every user × movie pair (ctar-uplift). */
export function effectSharesSpec(values: readonly Row[]): VegaLiteSpec {
  return base(values, [], {
    mark: { type: "bar" },
    encoding: {
      x: { field: "effect", type: "ordinal", title: "exact effect P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0))", axis: { format: ".3f" } },
      y: { field: "share", type: "quantitative", title: "share of user × movie pairs", axis: { format: ".0%" } },
    },
  });
}
