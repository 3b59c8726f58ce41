/**
 * `ctar explore [--graph FILE] [--port P] [--host H]`: the graph explorer, a local web server
 * (src/io/serve/explore-server.ts) with a single-page app (assets/explore/). It listens on 127.0.0.1
 * unless --host is given, prints its URL and runs until interrupted. The server code is imported
 * inside the action, so that other commands do not load it.
 */
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { READ_CAPS, readInputText } from "../io/fs/input.js";

export function registerExplore(program: Command): void {
  program
    .command("explore")
    .description("open the m-graph explorer: a local web page to edit a graph, see its analysis live and preview a dataset")
    .option("--graph <file>", "the graph to start from (YAML, JSON or DAGitty); its mechanism modules are loaded here, and only here")
    .option("--port <p>", "TCP port (0: any free port)", "8080")
    .option("--host <h>", "address to listen on (default: 127.0.0.1, this machine only)")
    .action(async (o: { graph?: string; port: string; host?: string }) => {
      // decimal digits only: Number() would take 0x50 as 80 and '' as 0 (any free port)
      const port = /^\d{1,5}$/.test(o.port) ? Number(o.port) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: expected an integer in 0..65535 (got '${o.port}')`);
      const [{ startExploreServer }, files, { loadGraphRun }, { builtinRegistry }, { GRAPH_PRESETS }] = await Promise.all([
        import("../io/serve/explore-server.js"),
        import("../io/inputs/graph-file.js"),
        import("../io/inputs/load-graph-run.js"),
        import("../mechanisms/registry.js"),
        import("./graph.js"),
      ]);
      let initialText: string;
      let initialFormat: "yaml" | "json" | "dagitty" = "yaml";
      let registry = builtinRegistry();
      let modules: readonly string[] = [];
      if (o.graph === undefined) initialText = files.formatGraph(GRAPH_PRESETS.ctar!(), "yaml");
      else {
        initialFormat = files.graphFormatOf(o.graph);
        initialText = readInputText(o.graph, READ_CAPS.graph, "a graph file (DAGitty, YAML or JSON)");
        const doc = files.parseGraphTextAs(initialText, o.graph, initialFormat);
        modules = doc.modules;
        // The modules are loaded from the command line's file only; the page can never name one.
        if (modules.length > 0) registry = (await loadGraphRun(o.graph, { ctarLayout: false })).registry;
      }
      const server = await startExploreServer({ host: o.host ?? "127.0.0.1", port, initialText, initialFormat, registry, modules });
      process.stdout.write(`ctar explore: ${server.url}  (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
