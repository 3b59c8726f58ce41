// ctar explore: the page. The server does every analysis (POST /api/…); this script keeps the
// editor text, the structured edits and the drawing in sync, and an undo stack of texts. Built
// for the browser alone (docs/browser.md), the page answers the same requests itself: the build
// sets `globalThis.ctarLocal` (web/page.ts), and a dataset section replaces the server's preview.
"use strict";

const $ = (id) => document.getElementById(id);
const local = globalThis.ctarLocal;
const initial = local?.initial ?? JSON.parse($("initial").textContent);

const state = {
  text: initial.text,
  format: initial.format,
  spec: undefined, // the normalised graph of the last text that parsed
  texts: {}, // that graph in every text form
  classes: [],
  selected: undefined, // indicator whose witness alone is shown
  undo: [],
  seq: 0,
};

async function post(path, body) {
  if (local !== undefined) return local.post(path, body);
  const r = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

function setStatus(s) {
  $("status").textContent = s;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** Sends the current text for analysis and shows the answer (older answers are dropped). */
async function analyze() {
  const seq = ++state.seq;
  setStatus("analysing…");
  // A DAGitty text carries no names, parameters or descriptions: the server takes them from the last graph.
  const a = await post("/api/analyze", { text: state.text, format: state.format, base: state.format === "dagitty" ? state.spec : undefined });
  if (seq !== state.seq) return;
  const err = $("parse-error");
  if (!a.ok) {
    err.hidden = false;
    err.textContent = a.error.line === undefined ? a.error.message : `line ${a.error.line}, column ${a.error.column}: ${a.error.message}`;
    err.dataset.line = a.error.line ?? "";
    err.dataset.column = a.error.column ?? "";
    setStatus("the text does not parse");
    return;
  }
  err.hidden = true;
  state.spec = a.spec;
  state.texts = a.texts;
  state.classes = a.classes;
  $("graph-name").textContent = `graph '${a.spec.name}'`;
  $("graph-class").textContent = a.graphClass === undefined ? "" : a.graphClass;
  $("drawing").innerHTML = a.svg ?? "<p>cannot draw this graph</p>";
  showClasses();
  showList($("problems"), a.problems.map((p) => p.message), "no problems");
  showList(
    $("recoverability"),
    a.recoverability.map((r) => `${r.target}: ${r.status}${r.estimand ? ` — ${r.estimand}` : ""} (${r.criterion})`),
    "",
    a.recoverability.map((r) => r.status.replace(/ /g, "-")),
  );
  fillNodeSelects();
  updateDownload();
  setStatus("");
}

function showList(ul, items, empty, classes = []) {
  ul.replaceChildren(...(items.length === 0 && empty ? [el("li", {}, empty)] : items.map((t, i) => el("li", classes[i] ? { class: classes[i] } : {}, t))));
}

function showClasses() {
  const body = $("classes").querySelector("tbody");
  body.replaceChildren(
    ...state.classes.map((c) => {
      const tr = el("tr", { "data-indicator": c.indicator }, el("td", {}, c.indicator), el("td", {}, c.variables.join(", ")), el("td", { class: c.class }, c.class), el("td", {}, c.witness));
      if (state.selected === c.indicator) tr.classList.add("selected");
      tr.addEventListener("click", () => {
        state.selected = state.selected === c.indicator ? undefined : c.indicator;
        showClasses();
      });
      return tr;
    }),
  );
  const shown = state.classes.filter((c) => state.selected === undefined || c.indicator === state.selected);
  highlight(shown.flatMap((c) => c.edges));
}

/** Marks the drawing's edges (and their end nodes) that lie on a witness trail. */
function highlight(edges) {
  const keys = new Set(edges.map(([a, b]) => `${a}->${b}`));
  const nodes = new Set(edges.flat());
  for (const g of $("drawing").querySelectorAll("g.edge")) {
    const t = g.querySelector("title")?.textContent ?? "";
    g.classList.toggle("witness", keys.has(t));
  }
  for (const g of $("drawing").querySelectorAll("g.node")) g.classList.toggle("witness", nodes.has(g.querySelector("title")?.textContent ?? ""));
}

function fillNodeSelects() {
  const names = state.spec.nodes.map((n) => n.name);
  for (const id of ["edge-from", "edge-to"]) {
    const s = $(id);
    const keep = s.value;
    s.replaceChildren(...names.map((n) => el("option", { value: n }, n)));
    if (names.includes(keep)) s.value = keep;
  }
}

function updateDownload() {
  const a = $("download-graph");
  if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([state.text], { type: "text/plain" }));
  a.download = `${state.spec?.name ?? "graph"}.${state.format === "dagitty" ? "dagitty" : state.format}`;
}

/** Replaces the text (keeping the old one for undo) and re-analyses. */
function setText(text, format = state.format) {
  state.undo.push({ text: state.text, format: state.format });
  state.text = text;
  state.format = format;
  $("editor").value = text;
  $("format").value = format;
  return analyze();
}

/**
 * A structured edit: change a copy of the graph, then show it in the current text form. Edits run
 * one after another, each on the graph its predecessor's analysis produced: a quick second click
 * must not edit the graph as it was before the first one landed.
 */
let edits = Promise.resolve();
function edit(change) {
  edits = edits.then(() => applyEdit(change)).catch((e) => setStatus(String(e.message ?? e)));
  return edits;
}

async function applyEdit(change) {
  if (state.spec === undefined) return setStatus("fix the text first: it does not parse");
  const spec = JSON.parse(JSON.stringify(state.spec));
  const why = change(spec);
  if (typeof why === "string") return setStatus(why);
  const a = await post("/api/analyze", { text: JSON.stringify(spec), format: "json" });
  if (!a.ok) return setStatus(a.error.message);
  await setText(a.texts[state.format]);
}

const node = (spec, name) => spec.nodes.find((n) => n.name === name);

$("add-node").addEventListener("click", () =>
  edit((spec) => {
    const name = $("node-name").value.trim();
    if (name === "") return "give the node a name";
    if (node(spec, name)) return `node '${name}' exists already`;
    spec.nodes.push({ name, set: $("node-set").value, plate: $("node-plate").value, parents: [], mechanism: { kind: $("node-mechanism").value.trim() || "unspecified" } });
  }),
);
$("change-node").addEventListener("click", () =>
  edit((spec) => {
    const n = node(spec, $("node-name").value.trim());
    if (!n) return "no such node";
    n.set = $("node-set").value;
    n.plate = $("node-plate").value;
    const kind = $("node-mechanism").value.trim();
    if (kind !== "" && kind !== n.mechanism.kind) n.mechanism = { kind };
  }),
);
$("remove-node").addEventListener("click", () =>
  edit((spec) => {
    const name = $("node-name").value.trim();
    if (!node(spec, name)) return "no such node";
    spec.nodes = spec.nodes.filter((n) => n.name !== name);
    for (const n of spec.nodes) n.parents = n.parents.filter((p) => p !== name);
  }),
);
$("add-edge").addEventListener("click", () =>
  edit((spec) => {
    const from = $("edge-from").value;
    const to = node(spec, $("edge-to").value);
    if (!to || from === to.name) return "pick two different nodes";
    if (to.parents.includes(from)) return `${from} → ${to.name} exists already`;
    to.parents.push(from);
  }),
);
$("remove-edge").addEventListener("click", () =>
  edit((spec) => {
    const from = $("edge-from").value;
    const to = node(spec, $("edge-to").value);
    if (!to || !to.parents.includes(from)) return "no such edge";
    to.parents = to.parents.filter((p) => p !== from);
  }),
);
$("undo").addEventListener("click", () => {
  const last = state.undo.pop();
  if (last === undefined) return setStatus("nothing to undo");
  state.text = last.text;
  state.format = last.format;
  $("editor").value = last.text;
  $("format").value = last.format;
  analyze();
});
$("format").addEventListener("change", () => {
  const f = $("format").value;
  if (state.texts[f] === undefined) {
    $("format").value = state.format;
    return setStatus("fix the text first: it does not parse");
  }
  setText(state.texts[f], f);
});
let typing;
$("editor").addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.undo.push({ text: state.text, format: state.format });
    state.text = $("editor").value;
    analyze();
  }, 300);
});
$("node-name").addEventListener("change", () => {
  const n = state.spec && node(state.spec, $("node-name").value.trim());
  if (n) {
    $("node-set").value = n.set;
    $("node-plate").value = n.plate;
    $("node-mechanism").value = n.mechanism.kind;
  }
});
$("dsep").addEventListener("click", async () => {
  const d = await post("/api/dsep", { text: state.text, format: state.format, x: $("dsep-x").value, y: $("dsep-y").value, given: $("dsep-given").value });
  $("dsep-result").textContent = !d.ok ? d.error.message : d.separated ? "true: d-separated" : `false: ${d.trail}`;
  highlight(d.ok ? d.edges : []);
});
$("preview").addEventListener("click", async () => {
  $("preview-status").textContent = "generating…";
  $("preview-error").hidden = true;
  const p = await post("/api/preview", { text: state.text, format: state.format, base: state.format === "dagitty" ? state.spec : undefined, users: Number($("preview-users").value), movies: Number($("preview-movies").value) });
  $("preview-status").textContent = "";
  if (!p.ok) {
    $("preview-error").hidden = false;
    $("preview-error").textContent = p.error.message;
    return;
  }
  $("preview-frame").srcdoc = p.html;
  $("preview-files").replaceChildren(...p.files.map((f) => el("li", {}, el("a", { href: `/api/preview/file?name=${encodeURIComponent(f)}`, download: f.replace(/\//g, "_") }, f))));
  $("preview-status").textContent = p.warnings.length > 0 ? `${p.warnings.length} warning(s): ${p.warnings.join("; ")}` : "done";
});

if (local !== undefined) {
  $("preview-section").hidden = true;
  $("dataset").hidden = false;
  // the dataset section generates the graph as it is now (the text, and whether it parses)
  local.dataset(() => ({ text: state.text, format: state.format, texts: state.texts, name: state.spec?.name ?? "graph", parses: $("parse-error").hidden && state.spec !== undefined, initial: initial.text }));
}
$("editor").value = state.text;
$("format").value = state.format;
analyze();
