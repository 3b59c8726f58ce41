/**
 * `import "ctar"` in a mechanism module resolves to the ctar that runs it,
 * wherever the module lives: a study folder outside any project, a copy embedded in a dataset, a
 * project with another ctar version installed. The module then gets the very `defineMechanism`,
 * `z` and types the engine checks against, and nothing has to be installed beside it.
 *
 * Done with a Node resolve hook (`module.register`, Node ≥ 20.6) that maps the bare specifier
 * "ctar" to this package's entry point and leaves every other specifier to Node. On an older
 * Node the hook is not there and Node's own resolution applies (walking up from the module's
 * folder to a `node_modules/ctar`); docs/graph.md says how to provide one.
 */
import * as nodeModule from "node:module";
import { CTAR_ENTRY } from "../fs/package-root.js";

/** The running ctar's entry point (package-root.ts: the compiled modules' or the bundle's). */
const ENTRY = CTAR_ENTRY;

let registered = false;

/** Installs the hook once per thread (each worker thread loads its modules itself). */
export function resolveCtarToThisCtar(): void {
  if (registered) return;
  registered = true;
  const register = (nodeModule as { register?: (specifier: string) => void }).register;
  if (typeof register !== "function") return;
  const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "ctar") return { url: ${JSON.stringify(ENTRY)}, shortCircuit: true };
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
