/**
 * The text report of `ctar graph analyze`: one table, a row per missingness indicator (its class
 * and witness) then a row per recoverability target (status and estimand or reason), followed by
 * the assumptions and notes the answers rely on.
 */
import type { GraphAnalysis } from "../graph/analyze-graph.js";
import { textTable } from "./text-table.js";

export function formatAnalysis(a: GraphAnalysis): string {
  const rows: string[][] = [];
  for (const i of a.classification.indicators) {
    rows.push([`${i.indicator} (${i.variables.join(", ")} → ${i.proxies.join(", ")})`, i.class, i.witness]);
  }
  for (const r of a.recoverability) {
    rows.push([r.target, r.status, r.estimand ?? r.criterion]);
    if (r.estimand !== undefined) rows.push(["", "", `  by ${r.criterion}`]);
    if (r.facts.length > 0) rows.push(["", "", `  using ${r.facts.join("; ")}`]);
  }
  const out = [
    `m-graph '${a.graph}': ${a.classification.class} (the worst class over its indicators)`,
    "",
    textTable(["indicator / target", "answer", "witness / estimand"], rows),
  ];
  if (a.assumptions.length > 0) out.push("", "assumptions:", ...a.assumptions.map((x) => `  - ${x}`));
  const notes = [...new Set(a.recoverability.flatMap((r) => r.notes))];
  if (notes.length > 0) out.push("", "notes:", ...notes.map((x) => `  - ${x}`));
  return `${out.join("\n")}\n`;
}
