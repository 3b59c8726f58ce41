/**
 * The preset mapping: the CTAR graph's mechanism parameters that a configuration sets, by node,
 * read off the option table's node and parameter columns (src/presets/ctar.ts builds the graph
 * with them).
 */
import { CTAR_OPTIONS, type CtarConfig, type OptionSpec } from "./ctar-config.js";

/** The value of an option in a parsed configuration. */
export function optionValue(c: CtarConfig, o: OptionSpec): unknown {
  let v: unknown = c;
  for (const k of o.path) v = (v as Record<string, unknown>)[k];
  return v;
}

/** Node name → parameter → value, in the option table's order. */
export function nodeParamsOf(c: CtarConfig): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const o of CTAR_OPTIONS) {
    if (o.node === undefined || o.param === undefined) continue;
    out[o.node] ??= {};
    out[o.node]![o.param] = optionValue(c, o);
  }
  return out;
}
