/**
 * Renders DOT to SVG with Graphviz's `dot` layout, compiled to WebAssembly (@viz-js/viz, MIT;
 * no native binary, no install script). Pure computation: no file or network access.
 */
import { GraphError } from "../errors/errors.js";

export async function renderSvg(dot: string): Promise<string> {
  // Loaded on demand: the WebAssembly build is 1.2 MB, which every other command need not parse.
  const { instance } = await import("@viz-js/viz");
  const viz = await instance();
  const r = viz.render(dot, { format: "svg", engine: "dot" });
  if (r.status !== "success") {
    throw new GraphError(`render-svg: Graphviz could not lay out the graph (${r.errors.map((e) => e.message).join("; ")})`);
  }
  return r.output;
}
