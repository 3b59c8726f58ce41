/**
 * What `ctar explore`'s server answers, answered in the page (globalThis.ctarLocal, read by
 * assets/explore/app.js): the analysis of every edit (src/explore/explore-analysis.ts, with the
 * Graphviz wasm bundled) and d-separation; the dataset section (dataset-section.ts) replaces the
 * server's preview. The first graph is the CTAR preset, as `ctar graph show --preset ctar` prints it.
 */
import { parseCtarConfig } from "../src/config/parse-config.js";
import { analyzeText, dsepText } from "../src/explore/explore-analysis.js";
import { formatGraph } from "../src/graph/graph-text.js";
import { builtinRegistry } from "../src/mechanisms/registry.js";
import { ctarGraph } from "../src/presets/ctar.js";
import { startDatasetSection } from "./dataset-section.js";

type Body = Record<string, unknown>;
const ctx = { modules: [] as string[], knownMechanisms: new Set(builtinRegistry().kinds()) };
const str = (v: unknown) => (typeof v === "string" ? v : "");

(globalThis as Record<string, unknown>)["ctarLocal"] = {
  initial: { text: formatGraph(ctarGraph(parseCtarConfig({}, "the default configuration")), "yaml"), format: "yaml" },
  async post(path: string, body: Body): Promise<unknown> {
    if (path === "/api/analyze") return analyzeText(str(body["text"]), str(body["format"]), ctx, body["base"]);
    if (path === "/api/dsep") return dsepText(str(body["text"]), str(body["format"]), { x: str(body["x"]), y: str(body["y"]), given: str(body["given"]) }, ctx);
    throw new Error(`${path}: not offered by the page built for the browser alone`);
  },
  dataset: startDatasetSection,
};
