/**
 * `ctar [COMMAND …] --help --json`: the listing wrappers read (python/ctar/_commands.py) is the
 * commander definitions themselves — every command, argument and option `--help` shows, with the
 * facts a wrapper checks a call against (switch or value, number, repeatable, required).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Command } from "commander";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { type CommandListing, commandListing, helpJson } from "../../src/cli/help-json.js";
import { buildProgram } from "../../src/cli/program.js";
import { ctar } from "../helpers/paths.js";

function find(l: CommandListing, path: string[]): CommandListing {
  return path.reduce((c, name) => c.commands.find((s) => s.name === name)!, l);
}

test("the listing has every command and option of the program, as --help shows them", async () => {
  const program = await buildProgram();
  const listing = commandListing(program);
  const walk = (c: Command, l: CommandListing) => {
    assert.equal(l.name, c.name());
    assert.deepEqual(l.options.map((o) => `--${o.name}`), c.options.map((o) => o.long));
    assert.deepEqual(l.arguments.map((a) => a.name), c.registeredArguments.map((a) => a.name()));
    assert.deepEqual(l.commands.map((s) => s.name), c.commands.map((s) => s.name()));
    c.commands.forEach((s, i) => walk(s, l.commands[i]!));
  };
  walk(program, listing);
  const generate = find(listing, ["generate"]);
  const opt = (name: string) => generate.options.find((o) => o.name === name)!;
  assert.deepEqual([opt("out").takes, opt("out").required, opt("out").number], ["value", true, false]);
  assert.deepEqual([opt("force").takes, opt("force").required], ["flag", false]);
  assert.deepEqual([opt("do").repeatable, opt("do").placeholder], [true, "NODE=MECHANISM[:param]"]);
  // every generator option whose value is a number is listed as one
  for (const o of CTAR_OPTIONS) assert.equal(opt(o.flag).number, o.kind !== "string", `--${o.flag}`);
  assert.equal(find(listing, ["bench"]).options.find((o) => o.name === "predictions")!.takes, "optional-value");
  assert.deepEqual(find(listing, ["merge"]).arguments, [{ name: "parts", description: find(listing, ["merge"]).arguments[0]!.description, required: true, variadic: true }]);
});

test("only --help with --json asks for it; the words before the first option name the command", async () => {
  const program = await buildProgram();
  assert.equal(helpJson(program, ["generate", "--help"]), undefined);
  assert.equal(helpJson(program, ["stats", "d", "--json"]), undefined);
  assert.equal(helpJson(program, ["graph", "analyze", "--help", "--json"])!.name, "analyze");
  assert.equal(helpJson(program, ["--json", "--help"])!.name, "ctar");
  assert.equal(helpJson(program, ["nope", "--help", "--json"]), undefined);
});

test("ctar --help --json prints the listing; with an unknown command, what ctar nope --help prints", async () => {
  const r = ctar(["--help", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const listing = JSON.parse(r.stdout) as CommandListing;
  assert.ok(listing.commands.some((c) => c.name === "generate"));
  const bad = ctar(["nope", "--help", "--json"]);
  assert.deepEqual([bad.status, bad.stdout], [ctar(["nope", "--help"]).status, ctar(["nope", "--help"]).stdout]);
});
