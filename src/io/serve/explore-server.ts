/**
 * io/serve/ — `ctar explore`: the local web server and the dataset preview it generates on request.
 *
 * The `ctar explore` web server: serves the single-page app (assets/explore/) and its JSON API.
 *
 * Security (the server can generate data and read the graph's modules, so only its own page may
 * talk to it):
 *  - it binds to 127.0.0.1 unless a host is given explicitly;
 *  - every request must carry a Host header naming the server itself, and an Origin (when sent)
 *    of the same host: anything else is refused with 403, which defeats DNS rebinding;
 *  - request bodies are capped (413 past MAX_BODY bytes);
 *  - the page never names a file to load: mechanism modules come only from the command line's
 *    --graph, preview files are served only from the names the last preview listed.
 * Every handler catches its own failure and answers with it: nothing a request does stops the server.
 */
import { rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { ConfigError, CtarError } from "../../errors/errors.js";
import { analyzeText, dsepText, type ExploreContext, parseEditorText, textError } from "../../explore/explore-analysis.js";
import type { MechanismRegistry } from "../../mechanisms/registry.js";
import { type Preview, runPreview } from "./explore-preview.js";
import { READ_CAPS, readInputBytes, readInputText } from "../fs/input.js";
import { PACKAGE_ROOT } from "../fs/package-root.js";

export const MAX_BODY = 1 << 20;
const ASSETS = join(PACKAGE_ROOT, "assets/explore");
const STATIC: Record<string, [string, string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/app.css": ["app.css", "text/css; charset=utf-8"],
};

export interface ExploreServerOptions {
  readonly host: string;
  readonly port: number;
  /** The graph shown first, as text in `format`. */
  readonly initialText: string;
  readonly initialFormat: "yaml" | "json" | "dagitty";
  readonly registry: MechanismRegistry;
  readonly modules: readonly string[];
}

export interface ExploreServer {
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Stop keeping the body but drain it, so the client reads the 413 instead of a reset.
        req.removeAllListeners("data");
        req.removeAllListeners("end");
        req.resume();
        fail(new HttpError(413, `request body over ${MAX_BODY} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      try {
        ok(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        fail(new HttpError(400, "request body is not JSON"));
      }
    });
    req.on("error", fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, "application/json; charset=utf-8", JSON.stringify(value));

function str(v: unknown, field: string): string {
  if (typeof v !== "string") throw new HttpError(400, `${field}: expected a string`);
  return v;
}

function int(v: unknown, field: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw new HttpError(400, `${field}: expected an integer in ${min}..${max}`);
  return v;
}

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob: data:; connect-src 'self' blob:";

/** The server's state and its handlers: one method per kind of request. */
class Explorer {
  private preview: Preview | undefined;
  /** "host:port" forms that name this server, set once it listens. */
  allowed = new Set<string>();
  private readonly ctx: ExploreContext;
  private readonly page: Record<string, string>;

  constructor(private readonly o: ExploreServerOptions) {
    this.ctx = { modules: o.modules, knownMechanisms: new Set(o.registry.kinds()) };
    this.page = Object.fromEntries(Object.entries(STATIC).map(([k, [f]]) => [k, readInputText(join(ASSETS, f), READ_CAPS.config, "a page of the explorer")]));
  }

  async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? "";
    if (!this.allowed.has(host)) throw new HttpError(403, `Host '${host}' is not this server`);
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowed.has(origin.replace(/^http:\/\//, ""))) throw new HttpError(403, `Origin '${origin}' is not this server`);
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (req.method === "GET" && STATIC[url.pathname] !== undefined) return this.serveStatic(url.pathname, res);
    if (req.method === "GET" && url.pathname === "/api/preview/file") return this.serveFile(url.searchParams.get("name") ?? "", res);
    if (req.method !== "POST") throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
    const body = (await readBody(req)) as Record<string, unknown>;
    if (typeof body !== "object" || body === null) throw new HttpError(400, "request body: expected a JSON object");
    const text = str(body.text, "text");
    const format = str(body.format, "format");
    if (url.pathname === "/api/analyze") return json(res, await analyzeText(text, format, this.ctx, body.base));
    if (url.pathname === "/api/dsep") return json(res, dsepText(text, format, { x: str(body.x, "x"), y: str(body.y, "y"), given: str(body.given ?? "", "given") }, this.ctx));
    if (url.pathname === "/api/preview") return json(res, await this.runPreview(text, format, body));
    throw new HttpError(404, `no route POST ${url.pathname}`);
  }

  private serveStatic(path: string, res: ServerResponse): void {
    // The initial graph goes into the page as JSON; "<" escaped so no text can close the script element.
    const initial = () => JSON.stringify({ text: this.o.initialText, format: this.o.initialFormat }).replace(/</g, "\\u003c");
    const body = path === "/" ? this.page["/"]!.replace("__INITIAL__", initial) : this.page[path]!;
    send(res, 200, STATIC[path]![1], body, path === "/" ? { "content-security-policy": CSP } : {});
  }

  /** Only the names the last preview listed: the page cannot name any other file. */
  private serveFile(name: string, res: ServerResponse): void {
    const p = this.preview;
    if (p === undefined || !p.files.includes(name)) throw new HttpError(404, `no preview file '${name}'`);
    const type = name.endsWith(".json") ? "application/json" : name.endsWith(".gz") ? "application/gzip" : "text/csv; charset=utf-8";
    send(res, 200, type, readInputBytes(join(p.dir, name), READ_CAPS.csv, "a preview file"), { "content-disposition": `attachment; filename="${name.replace(/\//g, "_")}"` });
  }

  private async runPreview(text: string, format: string, body: Record<string, unknown>): Promise<unknown> {
    const parsed = parseEditorText(text, format, this.ctx, body.base);
    if (!parsed.ok) return parsed;
    const size = { users: int(body.users, "users", 10, 5000, 500), movies: int(body.movies, "movies", 20, 1000, 200), seed: int(body.seed, "seed", 0, 2 ** 31 - 1, 9527) };
    try {
      const next = await runPreview(parsed.graph, this.o.registry, size);
      this.dropPreview();
      this.preview = next;
      return { ok: true, html: next.html, files: next.files, warnings: next.warnings };
    } catch (e) {
      if (e instanceof CtarError) return { ok: false, error: textError(e) };
      throw e;
    }
  }

  dropPreview(): void {
    if (this.preview !== undefined) rmSync(this.preview.dir, { recursive: true, force: true });
    this.preview = undefined;
  }
}

/** Starts the server; resolves once it listens (a port in use is a ConfigError). */
export function startExploreServer(o: ExploreServerOptions): Promise<ExploreServer> {
  const explorer = new Explorer(o);
  const server: Server = createServer((req, res) => {
    explorer.route(req, res).catch((e: unknown) => {
      if (res.headersSent) return res.end();
      if (e instanceof HttpError) return send(res, e.status, "text/plain; charset=utf-8", `${e.message}\n`, e.status === 413 ? { connection: "close" } : {});
      // A bug in a handler: answered, logged by the caller's reporter, and the server goes on.
      send(res, 500, "text/plain; charset=utf-8", `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  });
  server.requestTimeout = 60_000;
  return new Promise((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      const why = e.code === "EADDRINUSE" ? "already in use (choose another, or --port 0 for a free one)" : e.code === "EACCES" ? "not allowed for this user" : (e.code ?? e.message);
      fail(new ConfigError(`--port ${o.port}: cannot listen on ${o.host}:${o.port}: ${why}`, { cause: e }));
    });
    server.listen(o.port, o.host, () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr !== null ? addr.port : o.port;
      const h = o.host.includes(":") ? `[${o.host}]` : o.host;
      explorer.allowed = new Set([`${h}:${port}`, ...(o.host === "127.0.0.1" || o.host === "::1" ? [`localhost:${port}`] : [])]);
      ok({
        url: `http://${h}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            explorer.dropPreview();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
