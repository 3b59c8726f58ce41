/**
 * The help of `ctar generate` and the option table of docs/generate.md are rendered from the one
 * option table and the schemas: the page holds exactly the rendered rows (so it cannot drift), and each
 * help line shows the default its mechanism takes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Command } from "commander";
import { z } from "zod";
import { addConfigOptions } from "../../src/cli/config-options.js";
import { CTAR_OPTIONS, type OptionSpec } from "../../src/config/ctar-config.js";
import { optionRange, optionTableRows } from "../../src/config/option-text.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { GENERATE_PAGE, pageText } from "../docs/doc-pages.js";

describe("the option table of docs/generate.md", () => {
  const readme = pageText(GENERATE_PAGE);
  it("holds exactly the rows rendered from the option table", () => {
    const rows = optionTableRows();
    assert.ok(readme.includes(`\n${rows}\n`), `${GENERATE_PAGE}'s generator options differ from the option table; the rows should read:\n${rows}`);
  });
  it("has no other row for a config key", () => {
    const keyed = readme.split("\n").filter((l) => /^\| `--[a-z0-9-]+` \| `[A-Za-z0-9.]+` \|/.test(l));
    assert.equal(keyed.length, CTAR_OPTIONS.length);
  });
});

describe("--help of the generator options", () => {
  const cmd = addConfigOptions(new Command("generate"));
  const help = (flag: string) => cmd.options.find((x) => x.long === `--${flag}`)?.description ?? "";
  it("shows each mechanism option's default as its mechanism gives it", () => {
    const registry = builtinRegistry();
    for (const o of CTAR_OPTIONS.filter((x) => x.node !== undefined)) {
      const kind = CTAR_STRUCTURE.nodes.find((n) => n.name === o.node)!.mechanism.kind;
      const d = (registry.get(kind)!.params.parse({}) as Record<string, unknown>)[o.param!];
      assert.match(help(o.flag), d === null ? /\(default: null, meaning [^)]*\)\)?$/ : new RegExp(`\\(default: ${String(d).replace(".", "\\.")}\\)$`), `--${o.flag}`);
    }
  });
  it("names the derived defaults (from the mechanisms' schemas)", () => {
    assert.match(help("rating-bias"), /\(default: null, meaning −\|M\|\/\(2T\)\)$/);
    assert.match(help("obs-alpha"), /\(default: null, meaning \|M\|\/5\)$/);
    assert.match(help("obs-bias"), /\(default: null, meaning −\|M\|\/T\)$/);
  });
  it("states the accepted range", () => {
    assert.match(help("tags-per-movie"), /; integer 1\.\.31 \(default: 8\)$/);
    assert.match(help("rating-rate"), /; in \(0, 1\] \(default: 0\.02\)$/);
    assert.match(help("obs-keep-rate"), /; in \[0, 1\] \(default: 0\.6\)$/);
  });
});

describe("optionRange", () => {
  const spec = (schema: z.ZodType): OptionSpec => ({ flag: "x", help: "", path: ["x"], kind: "number", schema });
  const cases: Array<[z.ZodType, string | undefined]> = [
    [z.number().int().min(1).max(31), "integer 1..31"],
    [z.number().int().min(0), "integer ≥ 0"],
    [z.number().int(), "any integer"],
    [z.number().gt(0).max(1), "in (0, 1]"],
    [z.number().min(0).lt(1), "in [0, 1)"],
    [z.number().gt(0), "> 0"],
    [z.number().max(5), "≤ 5"],
    [z.number(), "any number"],
    [z.number().nullable(), "any number, or null"],
    [z.enum(["a", "b"]), "one of a, b"],
    [z.string(), undefined],
  ];
  for (const [schema, expected] of cases) {
    it(String(expected), () => assert.equal(optionRange(spec(schema)), expected));
  }
});
