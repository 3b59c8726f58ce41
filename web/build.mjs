// `npm run build:web`: the explorer's page for the browser alone, in dist/web/ (docs/browser.md):
// index.html (assets/explore/index.html with its style inlined) and ctar-web.js, one classic
// script (IIFE) holding the page, the core it runs, the Graphviz wasm of @viz-js/viz and the
// generation worker's own bundle as text (a page opened from file:// may not load module scripts
// or worker files, so the page starts the worker from a Blob URL of that text).
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/web");
const common = { absWorkingDir: root, bundle: true, format: "iife", platform: "browser", target: "es2022", minify: true, legalComments: "none", logLevel: "warning", define: { "process.env.NODE_ENV": '"production"' } };

const worker = await build({ ...common, entryPoints: ["web/worker.ts"], write: false });
const workerSource = worker.outputFiles[0].text;
mkdirSync(out, { recursive: true });
await build({ ...common, entryPoints: ["web/page.ts"], outfile: join(out, "ctar-web.js"), define: { ...common.define, CTAR_WORKER_SOURCE: JSON.stringify(workerSource) } });

const page = readFileSync(join(root, "assets/explore/index.html"), "utf8");
const css = readFileSync(join(root, "assets/explore/app.css"), "utf8");
const swap = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`build:web: assets/explore/index.html has no ${from}`);
  return text.replace(from, () => to);
};
let html = swap(page, '<link rel="stylesheet" href="/app.css">', `<style>\n${css}</style>`);
html = swap(html, '<script src="/app.js" defer></script>', '<script src="ctar-web.js" defer></script>');
html = swap(html, "__INITIAL__", "null");
html = swap(html, "<title>ctar explore</title>", "<title>ctar in the browser</title>");
writeFileSync(join(out, "index.html"), html);
const size = (f) => (readFileSync(join(out, f)).length / 2 ** 20).toFixed(1);
process.stdout.write(`build:web: wrote dist/web/index.html and dist/web/ctar-web.js (${size("ctar-web.js")} MiB, worker ${(workerSource.length / 2 ** 20).toFixed(1)} MiB)\n`);
