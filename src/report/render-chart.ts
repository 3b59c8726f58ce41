/**
 * Renders a Vega-Lite specification to static SVG in Node: Vega-Lite compiles it to Vega, and
 * Vega's headless view (renderer "none") writes the SVG. Pure computation: no DOM, no canvas,
 * no file or network access (the specs carry their data inline).
 */
import { GenerationError } from "../errors/errors.js";
import type { VegaLiteSpec } from "./chart-specs.js";

export async function renderChart(spec: VegaLiteSpec, what: string): Promise<string> {
  // Loaded on demand: Vega and Vega-Lite are large and only the report and the explorer draw charts.
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  try {
    const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
    // A loader that refuses every URL: the report must never fetch anything.
    const loader = vega.loader({ mode: "http" });
    loader.load = () => Promise.reject(new Error("the report loads nothing"));
    const view = new vega.View(vega.parse(compiled), { renderer: "none", loader });
    const svg = await view.toSVG();
    view.finalize();
    return svg;
  } catch (e) {
    throw new GenerationError(`report: cannot draw ${what} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}
