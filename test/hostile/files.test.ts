/**
 * Hostile configuration, graph and module files: regular files only, size caps, bounded YAML,
 * every failure one line naming the file (exit 2 for a config, 3 for unreadable input, 4 for a
 * graph that cannot run), and no output left.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../helpers/paths.js";
import { expectFailure } from "./harness.js";
import { scratch } from "./fixtures.js";

function file(name: string, text: string): string {
  const p = join(scratch(), name);
  writeFileSync(p, text);
  return p;
}
function fifo(): string {
  const p = join(scratch(), "pipe.yaml");
  execFileSync("mkfifo", [p]);
  return p;
}
const laughs = () => {
  let s = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < 25; i++) s += `a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]\n`;
  return s;
};
let graphJson: string | undefined;
const ctarGraphJson = () => (graphJson ??= execFileSync(process.execPath, [CLI, "graph", "show", "--format", "json"], { encoding: "utf8" }));
function graphWith(edit: (g: { nodes: Array<Record<string, unknown>>; modules?: string[] }) => void, name = "g.json"): string {
  const g = JSON.parse(ctarGraphJson());
  edit(g);
  return file(name, JSON.stringify(g));
}
const node = (g: { nodes: Array<Record<string, unknown>> }, n: string) => g.nodes.find((x) => x.name === n)!;

type Make = () => string;
const configCases: Array<[string, Make, RegExp]> = [
  ["a missing file", () => join(scratch(), "none.json"), /none\.json: file not found/],
  ["a folder", () => scratch(), /: is a folder \(expected a configuration file/],
  ["/dev/zero", () => "/dev/zero", /^ctar: \/dev\/zero: not a regular file/],
  ["a FIFO", fifo, /pipe\.yaml: not a regular file/],
  ["2 MiB of JSON", () => file("big.json", `{"users": 5, "pad": "${"x".repeat(2 << 20)}"}`), /big\.json: 2\.0 MiB, more than the 1 MiB a configuration file/],
  ["invalid JSON", () => file("c.json", "{ users: 5 "), /c\.json: not valid JSON/],
  ["invalid YAML", () => file("c.yaml", "users: [oops\n"), /c\.yaml: not valid YAML/],
  ["a list at the top", () => file("c.json", "[1, 2]"), /c\.json: a configuration must be an object of options at the top level \(got a list/],
  ["an empty file", () => file("c.json", ""), /c\.json: not valid JSON/],
  ["an unknown key", () => file("c.json", '{"userz": 5}'), /c\.json: unknown option userz/],
  ["a wrong type", () => file("c.json", '{"users": "many"}'), /c\.json: option users \(--users\)/],
  ["a cross-field violation", () => file("c.json", '{"users": 10, "rct": {"users": 20}}'), /c\.json: option rct\.users/],
  ["a billion-laughs YAML", () => file("laughs.yaml", laughs()), /laughs\.yaml: not valid YAML \(Excessive alias count/],
  ["YAML nested 100,000 deep", () => file("deep.yaml", "[".repeat(100_000)), /deep\.yaml: not valid YAML/],
];

describe("hostile --config files (generate, exit 2)", { concurrency: 4 }, () => {
  for (const [name, make, match] of configCases) {
    it(name, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--out", out, "--config", make()], code: 2, match, absent: [out] });
    });
  }
});

const readCases: Array<[string, Make, RegExp]> = [
  ["a missing graph file", () => join(scratch(), "none.yaml"), /none\.yaml: file not found \(expected a graph file/],
  ["a folder", () => scratch(), /: is a folder \(expected a graph file/],
  ["/dev/zero", () => "/dev/zero", /^ctar: \/dev\/zero: not a regular file/],
  ["a FIFO", fifo, /pipe\.yaml: not a regular file/],
  ["2 MiB of YAML", () => file("big.yaml", `name: x\n# ${"x".repeat(2 << 20)}\n`), /big\.yaml: 2\.0 MiB, more than the 1 MiB a graph file/],
  ["invalid YAML", () => file("g.yaml", "nodes: [oops\n"), /g\.yaml:\d+:\d+: cannot parse as YAML/],
  ["invalid JSON", () => file("g.json", "{ nodes: "), /g\.json:\d+:\d+: cannot parse as JSON/],
  ["a billion-laughs YAML", () => file("laughs.yaml", laughs()), /laughs\.yaml: cannot parse as YAML: Excessive alias count/],
  ["YAML nested 100,000 deep", () => file("deep.yaml", "[".repeat(100_000)), /deep\.yaml(:\d+:\d+)?: cannot parse as YAML: nested too deeply/],
];

for (const command of [["graph", "validate"], ["graph", "analyze"], ["graph", "show"], ["generate"]] as const) {
  describe(`hostile graph files for ${command.join(" ")} (exit 3)`, { concurrency: 4 }, () => {
    for (const [name, make, match] of readCases) {
      it(name, async () => {
        const out = join(scratch(), "out");
        const extra = command[0] === "generate" ? ["--out", out] : [];
        await expectFailure({ args: [...command, "--graph", make(), ...extra], code: 3, match, absent: [out] });
      });
    }
  });
}

// [name, make, exit code, message; for generate when it differs: [code, message]]
const graphCases: Array<[string, Make, number, RegExp, [number, RegExp]?]> = [
  ["a cycle", () => graphWith((g) => (node(g, "TU").parents as string[]).push("R")), 4, /g\.json: graph 'ctar' is not valid:/],
  ["an unknown parent", () => graphWith((g) => (node(g, "R").parents as string[]).push("Nope")), 4, /g\.json: /],
  ["an unknown mechanism kind", () => graphWith((g) => (node(g, "Q").mechanism = { kind: "bogus" })), 4, /g\.json: graph 'ctar' is not valid:/],
  ["a parameter out of range", () => graphWith((g) => (node(g, "R_R").mechanism = { kind: "popularity-missingness", params: { rate: 3 } })), 2, /g\.json: node 'R_R': parameter 'rate' of 'popularity-missingness'/],
  ["a mechanism missing a parent it needs (found by the trial run)", () => graphWith((g) => (node(g, "R").parents = ["TL"])), 4, /g\.json: graph 'ctar' does not run with 1000 users × 1000 movies.*node 'R': rating needs two parents/, [4, /^ctar: node 'R': rating needs two parents/]],
  ["RCT users above the default users (found by the trial run)", () => graphWith((g) => (node(g, "R_RCT").mechanism = { kind: "randomized-survey", params: { users: 5000 } })), 4, /g\.json: graph 'ctar' does not run .*rct\.users/, [2, /^ctar: node 'R_RCT' \(mechanism 'randomized-survey'\) in setup: option rct\.users: 5000 RCT users asked for/]],
  ["a graph without TM (cannot be generated)", () => graphWith((g) => (g.nodes = g.nodes.filter((n) => n.name !== "TM" && n.name !== "TL" && n.name !== "R" && n.name !== "R*" && n.name !== "RCT*" && n.name !== "O*" && n.name !== "R_O"))), 4, /g\.json: /],
  ["a module that does not exist", () => graphWith((g) => (g.modules = ["./nope.mjs"])), 3, /g\.json: module .*nope\.mjs: no such file/],
  ["a module that is not JavaScript", () => graphWith((g) => (g.modules = ["./m.ts"])), 3, /module .*m\.ts: a mechanism module must be JavaScript/],
  ["a module that is a folder", () => {
    const g = graphWith((x) => (x.modules = ["./dir.mjs"]));
    mkdirSync(join(g, "..", "dir.mjs"));
    return g;
  }, 3, /module .*dir\.mjs: not a regular file/],
  ["a module that throws on import", () => {
    const g = graphWith((x) => (x.modules = ["./boom.mjs"]));
    writeFileSync(join(g, "..", "boom.mjs"), "throw new Error('boom');\n");
    return g;
  }, 3, /module .*boom\.mjs: cannot import it \(boom\)/],
  ["a module that exports no mechanism", () => {
    const g = graphWith((x) => (x.modules = ["./empty.mjs"]));
    writeFileSync(join(g, "..", "empty.mjs"), "export const x = 1;\n");
    return g;
  }, 2, /module .*empty\.mjs: exports no mechanism/],
];

for (const command of [["graph", "validate"], ["generate"]] as const) {
  describe(`graphs that cannot run, for ${command.join(" ")}`, { concurrency: 4 }, () => {
    for (const [name, make, code, match, onGenerate] of graphCases) {
      it(name, async () => {
        const out = join(scratch(), "out");
        const gen = command[0] === "generate";
        const [c, m] = gen && onGenerate !== undefined ? onGenerate : [code, match];
        await expectFailure({ args: [...command, "--graph", make(), ...(gen ? ["--out", out] : [])], code: c, match: m, absent: [out], listAllowed: true });
      });
    }
  });
}
