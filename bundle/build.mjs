// `npm run bundle`: the command line as a few files, in dist/bundle/ (docs/architecture.md,
// "Build and packaging"). Node spends most of a short run's start-up opening, resolving and
// compiling modules (over 300 of them: ctar's own, zod's, yaml's, hyparquet's); esbuild joins the
// compiled dist/src/ into one file per entry plus shared chunks, so a run reads a handful.
// Commands stay lazily loaded (a dynamic import becomes its own chunk), and the entries share
// their chunks: a user's mechanism module that imports "ctar" gets the very `defineMechanism` and
// `z` of the running command (index.js is an entry beside main.js; src/io/fs/package-root.ts).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/bundle");
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: "dist/src/cli/main.js",
    index: "dist/src/index.js",
    "user-pass-worker": "dist/src/io/run/pass/user-pass-worker.js",
    "bench-worker": "dist/src/io/bench/bench-worker.js",
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  // the CommonJS packages inside (commander) call require() for Node's own modules
  banner: { js: 'import { createRequire as ctarCreateRequire } from "node:module"; const require = ctarCreateRequire(import.meta.url);' },
  define: { CTAR_BUNDLE: "true" },
});
