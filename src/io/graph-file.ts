/**
 * Reading and writing graph specification files (JSON or YAML, see src/graph/graph-spec.ts).
 * The format is chosen by the extension (.json, .yaml, .yml); any other extension is read as
 * YAML, which also accepts JSON.
 */
import { writeFileSync } from "node:fs";
import { READ_CAPS, readBoundedText } from "./bounded-read.js";
import { extname } from "node:path";
import { Document, isMap, isSeq, parse as parseYaml } from "yaml";
import { InputError } from "../errors/errors.js";
import { type GraphDocument, graphToSpec, parseGraphDocument } from "../graph/graph-spec.js";
import type { MGraph } from "../graph/mgraph.js";

export type GraphFormat = "json" | "yaml";

/** Parses graph-file text; `source` names it in messages. */
export function parseGraphText(text: string, source: string, format?: GraphFormat): MGraph {
  return parseGraphDocumentText(text, source, format).graph;
}

/** Parses graph-file text, keeping its `modules` list (paths as written). */
export function parseGraphDocumentText(text: string, source: string, format?: GraphFormat): GraphDocument {
  let value: unknown;
  const fmt = format ?? (extname(source).toLowerCase() === ".json" ? "json" : "yaml");
  try {
    value = fmt === "json" ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, maxAliasCount: 100 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const why = e instanceof RangeError ? "nested too deeply" : msg.split("\n")[0];
    throw new InputError(`${source}: cannot parse as ${fmt.toUpperCase()}: ${why}`, { cause: e });
  }
  return parseGraphDocument(value, source);
}

export function readGraphFile(file: string): MGraph {
  return readGraphDocument(file).graph;
}

/** Reads a graph file with its `modules` list (paths as written, relative to the file). */
export function readGraphDocument(file: string): GraphDocument {
  const text = readBoundedText(file, READ_CAPS.graph, "a graph file (JSON or YAML)");
  return parseGraphDocumentText(text, file);
}

/** The normalised text of g in the given format (ends with a newline); `modules` are kept when given. */
export function formatGraph(g: MGraph, format: GraphFormat, modules: readonly string[] = []): string {
  const spec = graphToSpec(g, modules);
  if (format === "json") return `${JSON.stringify(spec, null, 2)}\n`;
  // YAML: one node per block, its parents and mechanism on one line each (flow style).
  const doc = new Document(spec);
  const nodes = doc.get("nodes");
  if (isSeq(nodes)) {
    for (const item of nodes.items) {
      if (!isMap(item)) continue;
      for (const key of ["parents", "mechanism"]) {
        const v = item.get(key, true);
        if (isSeq(v) || isMap(v)) v.flow = true;
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}

export function writeGraphFile(file: string, g: MGraph, format?: GraphFormat): void {
  const fmt = format ?? (extname(file).toLowerCase() === ".json" ? "json" : "yaml");
  writeFileSync(file, formatGraph(g, fmt));
}
