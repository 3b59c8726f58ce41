/**
 * Where the running ctar sits: the package root (assets/, package.json) and the entry point that
 * `import "ctar"` in a user's mechanism module must reach. Two layouts run the same code: the
 * compiled modules (dist/src/…, what the library's users and the unit tests import) and the
 * command line's bundle (dist/bundle/, every module joined into a few chunks: bundle/build.mjs
 * defines CTAR_BUNDLE there). A module in a chunk must reach the bundle's own index.js, or it would
 * get a second copy of ctar whose `defineMechanism` and `z` the running engine does not know.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

declare const CTAR_BUNDLE: boolean | undefined;

const bundled = typeof CTAR_BUNDLE !== "undefined" && CTAR_BUNDLE;

/** The package root (this file is dist/src/io/fs/package-root.js, or a chunk of dist/bundle/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), bundled ? "../.." : "../../../..");

/** The URL of the running ctar's entry point (package.json's "exports" "." in the compiled layout). */
export const CTAR_ENTRY = new URL(bundled ? "./index.js" : "../../index.js", import.meta.url).href;
