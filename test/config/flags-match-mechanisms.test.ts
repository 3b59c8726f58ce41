/**
 * Every flag that sets a mechanism parameter accepts exactly what the mechanism accepts, and a
 * refusal is the mechanism's own message, naming the flag. The oracle is the mechanism as the
 * engine finds it (the CTAR graph's node kind in the built-in registry), not the option table;
 * the probes are a fixed set of awkward numbers plus the boundaries each schema states.
 */
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { z } from "zod";
import { CTAR_OPTIONS, type OptionSpec } from "../../src/config/ctar-config.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { configFromOptions } from "../../src/cli/config-options.js";
import { ConfigError } from "../../src/errors/errors.js";
import { issueText } from "../../src/mechanisms/issue-text.js";
import { surveyOversize } from "../../src/mechanisms/randomized-survey.js";
import { nonIntegerRatings } from "../../src/mechanisms/rating-scale.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { ctar, tempDir } from "../helpers/paths.js";

const DEFAULTS = parseCtarConfig({});
const registry = builtinRegistry();
const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The mechanism that computes `node` in the CTAR graph. */
function mechanismOf(node: string) {
  const spec = CTAR_STRUCTURE.nodes.find((n) => n.name === node);
  assert.ok(spec, `the CTAR graph has no node ${node}`);
  const m = registry.get(spec.mechanism.kind);
  assert.ok(m, `no built-in mechanism '${spec.mechanism.kind}'`);
  return m;
}

/** Numbers every option is tried with: signs, zero, fractions, rates' ends, tag limits, huge. */
const COMMON: readonly (number | null)[] = [
  null, 0, -1, -0.5, 1e-12, 0.5, 1 - 1e-12, 1, 1 + 1e-12, 1.5, 2, 5, 6, 8, 10, 20, 21, 30, 31, 32, 100, 256, 257,
  1000, 1001, 2.5e6, 1e15, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e300, -1e300,
];

/** The boundaries the schema states, each with its neighbours (±1 for an integer, ±ε otherwise, and a fraction). */
function boundaryProbes(o: OptionSpec): number[] {
  const j = z.toJSONSchema(o.schema, { unrepresentable: "any" }) as Record<string, unknown>;
  const out: number[] = [];
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
    const b = j[key];
    if (typeof b !== "number") continue;
    const eps = Math.max(Math.abs(b) * 1e-12, 1e-12);
    out.push(b, b - 1, b + 1, b + 0.5, b - 0.5, b - eps, b + eps);
  }
  return out;
}

/**
 * The mechanism's verdict on this parameter value, the others at their defaults, in a world of the
 * default size: undefined, or the refusal as the configuration should report it (the option of the
 * parameter the mechanism blames, which for a rule across parameters, min ≤ max, is min).
 */
function mechanismVerdict(o: OptionSpec, value: number | null): string | undefined {
  const r = mechanismOf(o.node!).params.safeParse({ [o.param!]: value });
  const blame = (param: PropertyKey | undefined, message: string) => {
    const at = CTAR_OPTIONS.find((x) => x.node === o.node && x.param === param);
    assert.ok(at, `${o.node}: the mechanism blames '${String(param)}', which no option sets`);
    return `option ${at.path.join(".")} (--${at.flag}): ${message}`;
  };
  if (!r.success) return blame(r.error.issues[0]!.path[0], issueText(r.error.issues[0]));
  const oversize = o.node === "R_RCT" ? surveyOversize(r.data as { users: number; moviesPerUser: number }, DEFAULTS) : undefined;
  if (oversize !== undefined) return blame(oversize.param, oversize.message);
  // the CTAR layout's rule on the rating scale (whole numbers), which the configuration applies too
  const scale = o.node === "R" ? nonIntegerRatings(r.data as { min: number; max: number; round: boolean }) : undefined;
  return scale === undefined ? undefined : blame(scale.param, scale.message);
}

/** `ctar generate`'s verdict on `--flag value`: the parse of its options, as the command runs it. */
function flagVerdict(o: OptionSpec, value: number | null): string | undefined {
  try {
    configFromOptions({ [camel(o.flag)]: String(value) });
    return undefined;
  } catch (e) {
    assert.ok(e instanceof ConfigError, `--${o.flag} ${value}: not a ConfigError: ${String(e)}`);
    return e.message;
  }
}

const mechanismOptions = CTAR_OPTIONS.filter((o) => o.node !== undefined);

describe("every mechanism flag accepts exactly what its mechanism accepts", () => {
  it("covers every option that sets a node parameter (the flags refused with --graph)", () => {
    assert.equal(mechanismOptions.length, 18);
  });
  for (const o of mechanismOptions) {
    it(`--${o.flag} (${o.node}.${o.param})`, () => {
      const probes = [...new Set([...COMMON, ...boundaryProbes(o)])];
      let accepted = 0;
      let refused = 0;
      for (const value of probes) {
        const mech = mechanismVerdict(o, value);
        const flag = flagVerdict(o, value);
        if (mech === undefined) {
          assert.equal(flag, undefined, `--${o.flag} ${value}: the mechanism accepts it, the flag refuses: ${flag}`);
          accepted++;
        } else {
          assert.equal(flag, `options: ${mech}`, `--${o.flag} ${value}`);
          refused++;
        }
      }
      assert.ok(accepted >= 3, `--${o.flag}: only ${accepted} probes accepted`);
      // every parameter refuses some probe, if only null (b and α take null: any number is a bias)
      if (!o.kind.endsWith("or-null")) assert.ok(refused >= 1, `--${o.flag}: no probe refused`);
    });
  }
});

describe("the same refusal in a configuration file", () => {
  for (const o of mechanismOptions) {
    it(`${o.path.join(".")}`, () => {
      for (const value of [null, -1, 0, 0.5, 1, 1.5, 257, 1e300]) {
        const mech = mechanismVerdict(o, value);
        const input = o.path.length === 1 ? { [o.path[0]!]: value } : { [o.path[0]!]: { [o.path[1]!]: value } };
        let file: string | undefined;
        try {
          parseCtarConfig(input, "c.yaml");
        } catch (e) {
          file = (e as Error).message;
        }
        assert.equal(file, mech === undefined ? undefined : `c.yaml: ${mech}`, `${o.path.join(".")} = ${value}`);
      }
    });
  }
});

describe("text that is no number is refused before the schema, naming the flag", () => {
  for (const o of CTAR_OPTIONS.filter((x) => x.kind !== "string")) {
    it(`--${o.flag}`, () => {
      for (const raw of ["abc", "", "1e999", "-Infinity", "NaN"]) {
        assert.throws(() => configFromOptions({ [camel(o.flag)]: raw }), { name: "ConfigError", message: `--${o.flag}: expected a number (got '${raw}')` });
      }
    });
  }
});

describe("through the command", () => {
  it("ctar generate prints the refusal as one line, exit 2, and writes nothing", () => {
    const dir = tempDir("ctar-params-");
    const out = join(dir, "out");
    const mech = mechanismVerdict(CTAR_OPTIONS.find((o) => o.flag === "liked-tags-min")!, 2.5);
    const r = ctar(["generate", "--out", out, "--liked-tags-min", "2.5"]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `ctar: options: ${mech}\n`);
    assert.equal(existsSync(out), false);
    rmSync(dir, { recursive: true });
  });
});
