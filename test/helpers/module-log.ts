/**
 * `node --import <this file's URL>` logs every ES module the process loads, one URL a line, to the
 * file named by CTAR_MODULE_LOG (module-log-hooks.ts does the logging, on Node's loader thread).
 */
import { register } from "node:module";

/** The URL to pass to `node --import`. */
export const MODULE_LOG = import.meta.url;

if (process.env["CTAR_MODULE_LOG"] !== undefined) register(new URL("./module-log-hooks.js", import.meta.url));
