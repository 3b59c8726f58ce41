/**
 * The configuration options that only set mechanism parameters of the CTAR graph (the option
 * table's rows with a node, src/config/ctar-config.ts). With a graph file those parameters come
 * from the file, so a command that runs a graph file refuses these flags instead of silently
 * ignoring them.
 */
import { CTAR_OPTIONS } from "../config/ctar-config.js";

/** Flags (without "--") whose values go into the CTAR graph's mechanism parameters. */
export const MECHANISM_OPTION_FLAGS: readonly string[] = CTAR_OPTIONS.filter((o) => o.node !== undefined).map((o) => o.flag);

/** Those of `MECHANISM_OPTION_FLAGS` set in commander's parsed options (camel-case keys). */
export function mechanismFlagsGiven(opts: Readonly<Record<string, unknown>>): string[] {
  return MECHANISM_OPTION_FLAGS.filter((f) => opts[f.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())] !== undefined);
}
