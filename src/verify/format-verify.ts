/** The text of a verify report: one row per claim, then the verdict. */
import type { VerifyReport } from "./verify-world.js";

function pad(s: string, n: number): string {
  return s + " ".repeat(Math.max(0, n - [...s].length));
}

export function formatP(p: number): string {
  if (Number.isNaN(p)) return "—";
  if (p === 0) return "< 1e-300";
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

export function formatVerifyReport(r: VerifyReport): string {
  const rows = r.results.map((x) => [
    x.text,
    x.claim.impliedBy,
    Number.isNaN(x.statistic) ? "—" : x.statistic.toFixed(1),
    String(x.df),
    formatP(x.p),
    x.note === undefined ? x.verdict : `${x.verdict} (${x.note})`,
  ]);
  const head = ["claim", "implied by", "statistic", "df", "p-value", "verdict"];
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join("  ").trimEnd();
  const violated = r.results.filter((x) => x.verdict === "VIOLATED").length;
  const missing = r.results.filter((x) => x.verdict === "not detected").length;
  const tested = r.results.filter((x) => x.verdict !== "skipped").length;
  const out = [
    `graph '${r.graph}': ${r.users} users × ${r.movies} movies, seed ${r.seed}, regenerated`,
    `tests: generalized Cochran–Mantel–Haenszel score, strata = movies for "| ${r.movieLabel}"; users as clusters (Zhang & Boos 1997) for variables, plain CMH for the movie`,
    `α = ${r.alpha}, Bonferroni over ${tested} claims: reject at p < ${r.threshold.toPrecision(3)}`,
    "",
    line(head),
    line(widths.map((w) => "─".repeat(w))),
    ...rows.map(line),
    "",
    violated > 0
      ? `FAILED: ${violated} implied independence${violated > 1 ? "s" : ""} rejected: a mechanism depends on something the graph says it does not`
      : `passed: no implied independence rejected${missing > 0 ? `; ${missing} declared dependence${missing > 1 ? "s" : ""} not detected (an edge permits, it does not require, a dependence)` : ""}`,
  ];
  return `${out.join("\n")}\n`;
}
