/**
 * Drawings of an m-graph in the style of the CTAR paper's Figure 4: fully observed variables
 * (V_o) black, unobserved ones (N, V_m) white, proxies (V*) dashed; missingness indicators (R),
 * which the paper also draws black, get a double ring, and partially observed variables (V_m) a
 * thick ring, so every set can be told apart. `toDot` gives Graphviz DOT (render it with
 * render-svg.ts), `toMermaid` a Mermaid flowchart for Markdown.
 */
import type { MGraph, MGraphSet, NodeSpec } from "../graph/mgraph.js";

const LEGEND = [
  "black: fully observed (V_o)   double ring: missingness indicator (R)",
  "white: unobserved (N)   thick ring: partially observed (V_m)   dashed: proxy (V*)",
];

function dotString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const DOT_STYLE: Record<MGraphSet, string> = {
  V_o: 'fillcolor=black, fontcolor=white, color=black, style="filled"',
  R: 'fillcolor=black, fontcolor=white, color=black, style="filled", peripheries=2',
  N: 'fillcolor=white, fontcolor=black, color=black, style="filled"',
  V_m: 'fillcolor=white, fontcolor=black, color=black, style="filled", penwidth=2.5',
  "V*": 'fillcolor=white, fontcolor=black, color=black, style="filled,dashed"',
};

function tooltip(n: NodeSpec): string {
  const det = n.deterministic === true ? ", deterministic" : "";
  return `${n.name} (${n.set}, plate ${n.plate}${det})${n.description === undefined ? "" : `: ${n.description}`}`;
}

/**
 * The explorer's colours, one per set, keeping Figure 4's rings and dashes so that indicators
 * (double ring) and proxies (dashed) stay distinct without colour too.
 */
const COLOUR_STYLE: Record<MGraphSet, string> = {
  V_o: 'fillcolor="#1f4e79", fontcolor=white, color="#1f4e79", style="filled"',
  R: 'fillcolor="#b03a2e", fontcolor=white, color="#b03a2e", style="filled", peripheries=2',
  N: 'fillcolor="#eeeeee", fontcolor=black, color="#555555", style="filled"',
  V_m: 'fillcolor="#fdebd0", fontcolor=black, color="#ca6f1e", style="filled", penwidth=2.5',
  "V*": 'fillcolor="#e8f8f5", fontcolor=black, color="#148f77", style="filled,dashed"',
};

/** Graphviz DOT, deterministic for a given graph; `colour` fills each set with its own colour. */
export function toDot(g: MGraph, options: { legend?: boolean; colour?: boolean } = {}): string {
  const lines = [
    `digraph ${dotString(g.name)} {`,
    `  graph [rankdir=TB, pad=0.3, nodesep=0.35, ranksep=0.45, fontname="Helvetica", fontsize=10${options.legend === false || options.colour === true ? "" : `, labelloc=b, label="${LEGEND.join("\\n")}"`}];`,
    '  node [shape=circle, fixedsize=true, width=0.8, fontname="Helvetica", fontsize=13];',
    "  edge [arrowsize=0.7];",
  ];
  const style = options.colour === true ? COLOUR_STYLE : DOT_STYLE;
  for (const n of g.nodes) lines.push(`  ${dotString(n.name)} [${style[n.set]}, tooltip=${dotString(tooltip(n))}];`);
  for (const n of g.nodes) for (const p of n.parents) lines.push(`  ${dotString(p)} -> ${dotString(n.name)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

const MERMAID_CLASS: Record<MGraphSet, string> = {
  V_o: "observed",
  R: "indicator",
  N: "unobserved",
  V_m: "partial",
  "V*": "proxy",
};

/** A Mermaid flowchart (paste into a ```mermaid block). Node ids are n0, n1, … in node order. */
export function toMermaid(g: MGraph): string {
  const id = new Map(g.nodes.map((n, i) => [n.name, `n${i}`]));
  const label = (s: string): string => `"${s.replace(/"/g, "#quot;")}"`;
  const lines = ["flowchart TB"];
  for (const n of g.nodes) {
    const shape = n.set === "R" ? `(((${label(n.name)})))` : `((${label(n.name)}))`;
    lines.push(`  ${id.get(n.name)}${shape}:::${MERMAID_CLASS[n.set]}`);
  }
  for (const n of g.nodes) for (const p of n.parents) lines.push(`  ${id.get(p)} --> ${id.get(n.name)}`);
  lines.push(
    "  classDef observed fill:#000,color:#fff,stroke:#000",
    "  classDef indicator fill:#000,color:#fff,stroke:#000",
    "  classDef unobserved fill:#fff,color:#000,stroke:#000",
    "  classDef partial fill:#fff,color:#000,stroke:#000,stroke-width:3px",
    "  classDef proxy fill:#fff,color:#000,stroke:#000,stroke-dasharray:4 3",
  );
  return `${lines.join("\n")}\n`;
}
