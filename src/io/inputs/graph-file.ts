/**
 * Reading and writing graph specification files (JSON or YAML, see src/graph/graph-spec.ts).
 * The format is chosen by the extension (.json, .yaml, .yml); any other extension is read as
 * YAML, which also accepts JSON. The text forms themselves are src/graph/graph-text.ts.
 */
import { extname } from "node:path";
import type { GraphDocument } from "../../graph/graph-spec.js";
import { type GraphFormat, formatGraph, parseGraphDocumentText } from "../../graph/graph-text.js";
import type { MGraph } from "../../graph/mgraph.js";
import { READ_CAPS, readInputText } from "../fs/input.js";
import { writeOutputFile } from "../fs/output.js";

export {
  GRAPH_TEXT_FORMATS,
  type GraphFormat,
  type GraphTextFormat,
  formatGraph,
  formatGraphAs,
  graphFormatOf,
  parseGraphDocumentText,
  parseGraphText,
  parseGraphTextAs,
} from "../../graph/graph-text.js";

export function readGraphFile(file: string): MGraph {
  return readGraphDocument(file).graph;
}

/** Reads a graph file with its `modules` list (paths as written, relative to the file). */
export function readGraphDocument(file: string): GraphDocument {
  const text = readInputText(file, READ_CAPS.graph, "a graph file (JSON or YAML)");
  return parseGraphDocumentText(text, file);
}

export function writeGraphFile(file: string, g: MGraph, format?: GraphFormat): void {
  const fmt = format ?? (extname(file).toLowerCase() === ".json" ? "json" : "yaml");
  writeOutputFile(file, { what: "the graph file", option: "graph file" }, formatGraph(g, fmt));
}
