/**
 * The page's dataset section: the editor's graph (page-run.ts) with its interventions, users,
 * movies and seed are checked as `ctar generate` checks them,
 * a size whose worst case the tab cannot hold is refused before anything starts
 * (src/explore/memory-bound.ts), and the dataset is generated in a Web Worker (worker.ts, started
 * from a Blob URL of its bundled code, since a page opened from file:// may not load a worker
 * file). Cancel ends the worker: nothing is downloaded. The zip is offered when it is complete.
 */
import { selectMovies, type SelectedCatalog } from "../src/catalog/select-movies.js";
import { syntheticCatalog } from "../src/catalog/synthetic.js";
import type { CtarConfig } from "../src/config/ctar-config.js";
import { parseCtarConfig } from "../src/config/parse-config.js";
import { sizeRefusal, tabBudget } from "../src/explore/memory-bound.js";
import { type PageGraph, type PageRunAsk, pageRun } from "../src/explore/page-run.js";

/** The bundled worker's code, put here by web/build.mjs. */
declare const CTAR_WORKER_SOURCE: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, navigator: any, Worker: any, Blob: any, URL: any, MessageChannel: any;

const catalogs = new Map<number, ReturnType<typeof syntheticCatalog>>();
function catalogOf(config: CtarConfig): SelectedCatalog {
  if (!catalogs.has(config.catalogSeed)) catalogs.set(config.catalogSeed, syntheticCatalog({ seed: config.catalogSeed }));
  return selectMovies(catalogs.get(config.catalogSeed)!, config.movies);
}

/** The editor's graph as app.js keeps it. */
export interface EditorGraph {
  readonly text: string;
  readonly format: string;
  /** The last graph that parsed, in every text form. */
  readonly texts: Readonly<Record<string, string>>;
  readonly name: string;
  readonly parses: boolean;
  /** The first text shown: the CTAR preset. */
  readonly initial: string;
}

/**
 * The graph file a run reads: none while the text is the preset's own (as `ctar generate` without
 * --graph), else the text as "download graph" saves it; a DAGitty text has no place for
 * mechanisms, so its YAML form (with the mechanisms it kept) is the file.
 */
export function graphFileOf(g: EditorGraph): PageGraph | undefined {
  if (g.format === "yaml" && g.text === g.initial) return undefined;
  if (g.format === "dagitty") return { text: g.texts["yaml"]!, file: `${g.name}.yaml` };
  return { text: g.text, file: `${g.name}.${g.format}` };
}

export function startDatasetSection(editor: () => EditorGraph): void {
  const $ = (id: string) => document.getElementById(id);
  // as ctar generate's default: the cores, at most 8
  $("gen-workers").value = String(Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1)));
  let worker: { terminate(): void } | undefined;
  let current: unknown; // the Worker of the run under way
  let zipUrl: string | undefined;
  const status = (t: string) => ($("gen-status").textContent = t);
  const busy = (on: boolean) => {
    $("gen-start").disabled = on;
    $("gen-cancel").disabled = !on;
  };
  const refuse = (message: string) => {
    $("gen-error").hidden = false;
    $("gen-error").textContent = message;
    status("");
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    busy(false);
  };

  $("gen-start").addEventListener("click", async () => {
    $("gen-error").hidden = true;
    $("gen-download").hidden = true;
    $("report-section").hidden = true;
    $("report-frame").srcdoc = "";
    if (zipUrl !== undefined) URL.revokeObjectURL(zipUrl);
    zipUrl = undefined;
    const asked = { users: Number($("gen-users").value), movies: Number($("gen-movies").value), seed: Number($("gen-seed").value) };
    let config: CtarConfig;
    try {
      config = parseCtarConfig(asked, "the page");
    } catch (e) {
      return refuse(e instanceof Error ? e.message : String(e));
    }
    const g = editor();
    if (!g.parses) return refuse("the graph text does not parse: fix it first (see the message above the editor)");
    const ask: PageRunAsk = {
      ...(graphFileOf(g) === undefined ? {} : { graph: graphFileOf(g) }),
      interventions: String($("gen-do").value).split(/\s+/).filter((t) => t !== ""),
      truth: $("gen-truth").value === "full" ? "full" : "basic",
      format: $("gen-format").value === "parquet" ? "parquet" : "csv",
    };
    try {
      // checked here, so that a graph the page cannot generate starts no worker
      await pageRun(config, ask, async () => "");
    } catch (e) {
      return refuse(e instanceof Error ? e.message : String(e));
    }
    const refusal = sizeRefusal(config, catalogOf(config), tabBudget(navigator.deviceMemory), ask);
    if (refusal !== undefined) return refuse(refusal);
    const source = URL.createObjectURL(new Blob([CTAR_WORKER_SOURCE], { type: "text/javascript" }));
    const w = new Worker(source);
    // with several workers, the page starts the block workers too (a worker of a file:// page may
    // not start workers) and hands each a port to the generating worker (block-pool.ts)
    const count = Math.max(1, Math.min(16, Math.trunc(Number($("gen-workers").value)) || 1));
    const blockWorkers = count > 1 ? Array.from({ length: count }, () => new Worker(source)) : [];
    URL.revokeObjectURL(source);
    const ports = blockWorkers.map((b) => {
      const c = new MessageChannel();
      b.postMessage({ type: "serve", port: c.port2 }, [c.port2]);
      b.onerror = (e: { message?: string }) => {
        if (worker === undefined || current !== w) return;
        stop();
        refuse(`the generation stopped: a block worker failed (${e.message ?? "out of memory?"})`);
      };
      return c.port1;
    });
    current = w;
    worker = {
      terminate: () => {
        w.terminate();
        for (const b of blockWorkers) b.terminate();
      },
    };
    busy(true);
    status(`generating: 0 of ${config.users} users`);
    const name = `ctar-${config.users}x${config.movies}-seed${config.seed}`;
    w.onmessage = (e: { data: { type: string; done?: number; stage?: string; zip?: Uint8Array; report?: string; message?: string; warnings?: string[] } }) => {
      if (worker === undefined || current !== w) return;
      const m = e.data;
      if (m.type === "progress") return status(m.stage ?? `generating: ${m.done} of ${config.users} users`);
      stop();
      if (m.type === "error") return refuse(m.message ?? "generation failed");
      zipUrl = URL.createObjectURL(new Blob([m.zip!], { type: "application/zip" }));
      const a = $("gen-download");
      a.href = zipUrl;
      a.download = `${name}.zip`;
      a.textContent = `download ${a.download} (${(m.zip!.length / 2 ** 20).toFixed(1)} MiB)`;
      a.hidden = false;
      status(m.warnings!.length > 0 ? `done, ${m.warnings!.length} warning(s): ${m.warnings!.join("; ")}` : "done");
      showReport(name, m.report!);
      a.click();
    };
    w.onerror = (e: { message?: string }) => {
      if (worker === undefined || current !== w) return;
      stop();
      refuse(`the generation stopped: ${e.message ?? "the worker failed"} (out of memory?)`);
    };
    w.postMessage({ type: "generate", ...asked, ...ask, name, ports, date: new Date().toISOString().slice(0, 10) }, ports);
  });

  let reportUrl: string | undefined;
  /** The report `ctar report` writes of the dataset, shown in a sandboxed frame (it holds no script) and offered as a file. */
  const showReport = (name: string, html: string) => {
    $("report-frame").srcdoc = html;
    if (reportUrl !== undefined) URL.revokeObjectURL(reportUrl);
    reportUrl = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    $("report-download").href = reportUrl;
    $("report-download").download = `${name}-report.html`;
    $("report-section").hidden = false;
  };

  $("gen-cancel").addEventListener("click", () => {
    if (worker === undefined) return;
    stop();
    status("cancelled: nothing downloaded");
  });
}
