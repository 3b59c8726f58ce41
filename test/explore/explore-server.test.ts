/**
 * The explorer's server without a browser: it listens on 127.0.0.1 only, refuses foreign Host
 * and Origin headers (DNS rebinding) and oversized bodies, never lets the page name a module,
 * and answers bad graphs and failed previews without stopping. Every server here is closed by
 * its test.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { showGraph, GRAPH_PRESETS } from "../../src/cli/graph.js";
import { ConfigError } from "../../src/errors/errors.js";
import { type ExploreServer, MAX_BODY, startExploreServer } from "../../src/io/serve/explore-server.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctar } from "../helpers/paths.js";

const CTAR_YAML = showGraph(GRAPH_PRESETS.ctar!());
let server: ExploreServer;
let port = 0;

before(async () => {
  server = await startExploreServer({ host: "127.0.0.1", port: 0, initialText: CTAR_YAML, initialFormat: "yaml", registry: builtinRegistry(), modules: [] });
  port = Number(new URL(server.url).port);
});
after(() => server.close());

interface Reply {
  readonly status: number;
  readonly body: string;
}

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const post = (path: string, value: unknown, headers: Record<string, string> = {}) => call("POST", path, { "content-type": "application/json", ...headers }, JSON.stringify(value));

test("listens on 127.0.0.1 and serves the page to its own Host (and to localhost)", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await call("GET", "/");
  assert.equal(page.status, 200);
  assert.match(page.body, /<title>ctar explore<\/title>/);
  assert.ok(page.body.includes(JSON.stringify(CTAR_YAML).slice(0, 40)), "the initial graph is in the page");
  assert.equal((await call("GET", "/app.js", { host: `localhost:${port}` })).status, 200);
});

test("a foreign Host or Origin is refused with 403 (DNS rebinding), before any work", async () => {
  assert.equal((await call("GET", "/", { host: "evil.example" })).status, 403);
  assert.equal((await call("GET", "/", { host: `evil.example:${port}` })).status, 403);
  assert.equal((await post("/api/analyze", { text: CTAR_YAML, format: "yaml" }, { origin: "http://evil.example" })).status, 403);
  assert.equal((await post("/api/analyze", { text: CTAR_YAML, format: "yaml" }, { origin: `http://127.0.0.1:${port}` })).status, 200);
});

test("bodies over the cap get 413, non-JSON 400, unknown routes 404", async () => {
  const big = Buffer.alloc(MAX_BODY + 10, 32);
  assert.equal((await call("POST", "/api/analyze", { "content-type": "application/json" }, big)).status, 413);
  assert.equal((await call("POST", "/api/analyze", {}, "{ nope")).status, 400);
  assert.equal((await call("GET", "/etc/passwd")).status, 404);
  assert.equal((await call("GET", "/api/preview/file?name=../../etc/passwd")).status, 404);
});

test("analysis: the CTAR graph's classes; a text that does not parse is an answer with line and column", async () => {
  const a = JSON.parse((await post("/api/analyze", { text: CTAR_YAML, format: "yaml" })).body);
  assert.equal(a.ok, true);
  assert.equal(a.graphClass, "MNAR");
  assert.deepEqual(
    a.classes.map((c: { indicator: string; class: string }) => `${c.indicator}:${c.class}`),
    ["R_R:MAR", "R_RCT:MCAR", "R_O:MNAR"],
  );
  // R_O's witness trails (TL → R_O, R → R_O, TU → TL → R_O, Q → R → R_O) as edges to highlight.
  assert.deepEqual(a.classes[2].edges, [["TL", "R_O"], ["R", "R_O"], ["TU", "TL"], ["TL", "R_O"], ["Q", "R"], ["R", "R_O"]]);
  assert.match(a.texts.dagitty, /^dag \{/);
  const bad = JSON.parse((await post("/api/analyze", { text: "name: x\nnodes: [ {", format: "yaml" })).body);
  assert.equal(bad.ok, false);
  assert.equal(bad.error.line, 2);
  assert.ok(bad.error.column > 0);
  const dag = JSON.parse((await post("/api/analyze", { text: "dag {\n a -> }", format: "dagitty" })).body);
  assert.deepEqual([dag.error.line, dag.error.column], [2, 7]);
});

test("d-separation queries, with unknown names answered, not thrown", async () => {
  const d = JSON.parse((await post("/api/dsep", { text: CTAR_YAML, format: "yaml", x: "R", y: "R_R", given: "M" })).body);
  assert.deepEqual([d.ok, d.separated], [true, true]);
  const e = JSON.parse((await post("/api/dsep", { text: CTAR_YAML, format: "yaml", x: "Nope", y: "R_R", given: "" })).body);
  assert.equal(e.ok, false);
  assert.match(e.error.message, /unknown node/);
});

test("the page cannot name a module: a `modules:` list it did not start with is refused", async () => {
  const withModule = `${CTAR_YAML}modules: [./evil.mjs]\n`;
  const a = JSON.parse((await post("/api/analyze", { text: withModule, format: "yaml" })).body);
  assert.equal(a.ok, false);
  assert.match(a.error.message, /mechanism modules come only from the command line's --graph/);
  const p = JSON.parse((await post("/api/preview", { text: withModule, format: "yaml" })).body);
  assert.equal(p.ok, false);
});

test("a preview that fails is shown as an error, and the server keeps answering", async () => {
  const broken = CTAR_YAML.replace("kind: rating,", "kind: no-such-mechanism,");
  assert.notEqual(broken, CTAR_YAML);
  const p = JSON.parse((await post("/api/preview", { text: broken, format: "yaml", users: 50, movies: 30 })).body);
  assert.equal(p.ok, false);
  assert.match(p.error.message, /unknown mechanism kind 'no-such-mechanism'/);
  assert.equal((await post("/api/preview", { text: CTAR_YAML, format: "yaml", users: 10 ** 9 })).status, 400);
  assert.equal((await call("GET", "/")).status, 200);
});

test("a port in use is a clear ConfigError, and `ctar explore` exits 2 with one line", async () => {
  await assert.rejects(
    startExploreServer({ host: "127.0.0.1", port, initialText: CTAR_YAML, initialFormat: "yaml", registry: builtinRegistry(), modules: [] }),
    (e: unknown) => e instanceof ConfigError && new RegExp(`^--port ${port}: cannot listen on 127\\.0\\.0\\.1:${port}: already in use`).test(e.message),
  );
  const r = ctar(["explore", "--port", String(port)]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /^ctar: --port \d+: cannot listen/);
});

test("a DAGitty text edited in the page keeps the name, parameters and descriptions of the graph it was shown from", async () => {
  const a = JSON.parse((await post("/api/analyze", { text: CTAR_YAML, format: "yaml" })).body);
  const back = JSON.parse((await post("/api/analyze", { text: a.texts.dagitty, format: "dagitty", base: a.spec })).body);
  assert.equal(back.texts.yaml, CTAR_YAML);
  // Without the base, DAGitty alone cannot carry them.
  const bare = JSON.parse((await post("/api/analyze", { text: a.texts.dagitty, format: "dagitty" })).body);
  assert.notEqual(bare.texts.yaml, CTAR_YAML);
  assert.doesNotMatch(bare.texts.yaml, /params/);
});
