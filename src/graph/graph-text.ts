/**
 * The text forms of an m-graph: graph-file JSON and YAML (src/graph/graph-spec.ts) and DAGitty
 * syntax (src/graph/dagitty.ts), parsed and printed without touching files (src/io/inputs/graph-file.ts
 * reads and writes them), so that the explorer and the CLI share one parser.
 */
import { Document, isMap, isSeq, parse as parseYaml } from "yaml";
import { InputError } from "../errors/errors.js";
import { parseDagitty, toDagitty } from "./dagitty.js";
import { fileExtension, fileStem } from "./file-name.js";
import { type GraphDocument, graphToSpec, parseGraphDocument } from "./graph-spec.js";
import type { MGraph } from "./mgraph.js";

export type GraphFormat = "json" | "yaml";
/** Every text form of a graph: the file formats and DAGitty syntax (src/graph/dagitty.ts). */
export type GraphTextFormat = GraphFormat | "dagitty";
export const GRAPH_TEXT_FORMATS: readonly GraphTextFormat[] = ["yaml", "json", "dagitty"];

/** The text form a file name suggests: .json, .dagitty / .dag, otherwise YAML. */
export function graphFormatOf(file: string): GraphTextFormat {
  const ext = fileExtension(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".dagitty" || ext === ".dag" ? "dagitty" : "yaml";
}

/** Parses a graph in any text form; DAGitty graphs are named after the file. */
export function parseGraphTextAs(text: string, source: string, format: GraphTextFormat): GraphDocument {
  if (format !== "dagitty") return parseGraphDocumentText(text, source, format);
  const name = fileStem(source).replace(/[^A-Za-z0-9_.-]/g, "") || "dagitty";
  return { graph: parseDagitty(text, source, name), modules: [] };
}

/** A graph in any text form; DAGitty has no place for `modules`, so they are dropped there. */
export function formatGraphAs(g: MGraph, format: GraphTextFormat, modules: readonly string[] = []): string {
  return format === "dagitty" ? toDagitty(g) : formatGraph(g, format, modules);
}

/** "source:line:column" of a JSON.parse or YAML error, when the parser says where. */
function errorPlace(e: unknown, text: string, source: string): string {
  const linePos = (e as { linePos?: { line: number; col: number }[] }).linePos;
  if (linePos?.[0] !== undefined) return `${source}:${linePos[0].line}:${linePos[0].col}`;
  const at = /position (\d+)/.exec(e instanceof Error ? e.message : "");
  if (at === null) return source;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  return `${source}:${line}:${before.length - before.lastIndexOf("\n")}`;
}

/** Parses graph-file text; `source` names it in messages. */
export function parseGraphText(text: string, source: string, format?: GraphFormat): MGraph {
  return parseGraphDocumentText(text, source, format).graph;
}

/** Parses graph-file text, keeping its `modules` list (paths as written). */
export function parseGraphDocumentText(text: string, source: string, format?: GraphFormat): GraphDocument {
  let value: unknown;
  const fmt = format ?? (fileExtension(source).toLowerCase() === ".json" ? "json" : "yaml");
  try {
    value = fmt === "json" ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, maxAliasCount: 100 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const why = e instanceof RangeError || /call stack/i.test(msg) ? "nested too deeply" : msg.split("\n")[0];
    throw new InputError(`${errorPlace(e, text, source)}: cannot parse as ${fmt.toUpperCase()}: ${why}`, { cause: e });
  }
  return parseGraphDocument(value, source);
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
