/**
 * The configuration: its defaults (the authors' run.sh, and for each mechanism parameter the
 * mechanism's own default), its keys ↔ the flags, and the rules of the options of the run itself.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { configFromOptions } from "../../src/cli/config-options.js";
import { CTAR_OPTIONS, type CtarConfig } from "../../src/config/ctar-config.js";
import { optionValue } from "../../src/config/node-params.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { applyInterventions, parseIntervention } from "../../src/scm/intervention.js";

const DEFAULTS = parseCtarConfig({});
const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Leaf paths of a parsed configuration, in key order. */
function leaves(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== "object") return [prefix];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, [...prefix, k]));
}

function failure(input: unknown): string | undefined {
  try {
    parseCtarConfig(input, "c.json");
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("defaults", () => {
  it("are the authors' defaults (docs/model.md#structural-equations), in config.json's key order", () => {
    // Written out by hand from docs/model.md (the authors' run.sh); the derived ones (null) are the mechanisms'.
    const expected = {
      seed: 9527,
      users: 1000,
      movies: 1000,
      catalog: "builtin",
      catalogSeed: 2202,
      compat: "none",
      tagsPerMovie: 8,
      likedTags: { min: 10, max: 20 },
      quality: { sigma: 0.75 },
      rating: { mu: 0.7, sigma: 0.25, min: 1, max: 5 },
      ratingMissingness: { rate: 0.02, temperature: 500, bias: null },
      rct: { users: 100, moviesPerUser: 10 },
      obsTag: { rate: 0.007, temperature: 200, alpha: null, bias: null, keepRate: 0.6 },
      test2: { draws: 5000, positives: 1500 },
      test3: { draws: 4000, positives: 1200 },
    };
    // JSON text, not deepEqual: config.json is written in this order and `ctar regenerate` reads old ones
    assert.equal(JSON.stringify(DEFAULTS), JSON.stringify(expected));
  });

  it("of every mechanism option are its mechanism's defaults", () => {
    const registry = builtinRegistry();
    for (const o of CTAR_OPTIONS.filter((x) => x.node !== undefined)) {
      const kind = CTAR_STRUCTURE.nodes.find((n) => n.name === o.node)!.mechanism.kind;
      const mechDefaults = registry.get(kind)!.params.parse({}) as Record<string, unknown>;
      assert.ok(o.param! in mechDefaults, `${kind} has no parameter ${o.param}`);
      assert.equal(optionValue(DEFAULTS, o), mechDefaults[o.param!], `--${o.flag}`);
    }
  });
});

describe("config file keys ↔ flags", () => {
  it("every key of the configuration has exactly one flag, in the same order", () => {
    assert.deepEqual(
      CTAR_OPTIONS.map((o) => o.path),
      leaves(DEFAULTS),
    );
    assert.equal(new Set(CTAR_OPTIONS.map((o) => o.flag)).size, CTAR_OPTIONS.length);
  });

  it("each flag sets its key and nothing else, as the same key in a file does", () => {
    for (const o of CTAR_OPTIONS) {
      const d = optionValue(DEFAULTS, o);
      // the rating scale's ends are whole numbers (mechanisms/rating-scale.ts: the layout's ratings are)
      const whole = o.kind === "int" || (o.path[0] === "rating" && (o.path[1] === "min" || o.path[1] === "max"));
      const value = o.path[0] === "compat" ? "reference" : o.path[0] === "catalog" ? "some/folder" : d === null ? 1.5 : whole ? (d as number) + 1 : (d as number) / 2;
      const viaFlag = configFromOptions({ [camel(o.flag)]: String(value) });
      const expected = structuredClone(DEFAULTS) as unknown as Record<string, Record<string, unknown>>;
      if (o.path.length === 1) (expected as Record<string, unknown>)[o.path[0]!] = value;
      else expected[o.path[0]!]![o.path[1]!] = value;
      assert.deepEqual(viaFlag, expected, `--${o.flag} ${value}`);
      assert.deepEqual(parseCtarConfig(o.path.length === 1 ? { [o.path[0]!]: value } : { [o.path[0]!]: { [o.path[1]!]: value } }), expected, o.path.join("."));
    }
  });

  it("a resolved configuration (config.json's) parses to itself", () => {
    const c: CtarConfig = parseCtarConfig({ users: 400, obsTag: { alpha: 3 }, rating: { max: 10 } });
    assert.deepEqual(parseCtarConfig(JSON.parse(JSON.stringify(c))), c);
  });

  it("an unknown key is refused, listing the known ones", () => {
    assert.match(failure({ obsTag: { keeprate: 0.5 } })!, /^c\.json: unknown option obsTag\.keeprate \(known: seed, users, .*obsTag\.keepRate, /);
  });
});

describe("options of the run (not of a mechanism)", () => {
  it("seed: any safe integer ≥ 0, 0 included", () => {
    assert.equal(parseCtarConfig({ seed: 0 }).seed, 0);
    assert.equal(parseCtarConfig({ seed: Number.MAX_SAFE_INTEGER }).seed, Number.MAX_SAFE_INTEGER);
    assert.equal(failure({ seed: -1 }), "c.json: option seed (--seed): Too small: expected number to be >=0");
    assert.match(failure({ seed: 1.5 })!, /^c\.json: option seed \(--seed\): expected a whole number$/);
  });

  it("users and movies: at least 1, at most this version's limits", () => {
    assert.equal(parseCtarConfig({ users: 50_000_000, rct: { users: 0 } }).users, 50_000_000);
    assert.equal(failure({ users: 50_000_001 }), "c.json: option users (--users): more users than this version supports (at most 50,000,000)");
    assert.equal(parseCtarConfig({ movies: 1_000_000 }).movies, 1_000_000);
    assert.equal(failure({ movies: 1_000_001 }), "c.json: option movies (--movies): more movies than this version supports (at most 1,000,000)");
    assert.equal(failure({ users: 0 }), "c.json: option users (--users): Too small: expected number to be >=1");
  });

  it("catalog and compat", () => {
    assert.match(failure({ catalog: "" })!, /^c\.json: option catalog \(--catalog\): Too small/);
    assert.match(failure({ compat: "authors" })!, /^c\.json: option compat \(--compat\): Invalid option: expected one of "none"\|"reference"/);
  });

  it("test-set quotas: positives at most the draws", () => {
    assert.equal(parseCtarConfig({ test2: { draws: 10, positives: 10 } }).test2.positives, 10);
    assert.equal(failure({ test2: { draws: 10, positives: 11 } }), "c.json: option test2.positives (--test2-positives): 11 positives exceed the 10 draws");
    assert.equal(failure({ test3: { draws: 0 } }), "c.json: option test3.positives (--test3-positives): 1200 positives exceed the 0 draws");
  });

  it("the survey fits in the world: RCT users ≤ users, movies per RCT user ≤ movies", () => {
    assert.equal(parseCtarConfig({ users: 100, rct: { users: 100 } }).rct.users, 100);
    assert.equal(failure({ users: 99 }), "c.json: option rct.users (--rct-users): 100 RCT users, but only 99 users (expected at most 99)");
    assert.equal(failure({ movies: 9 }), "c.json: option rct.moviesPerUser (--rct-movies): 10 movies per RCT user, but only 9 movies (expected at most 9)");
  });
});

it("refuses a fraction for a whole-number parameter in the same words from a flag, a config file and a --do", () => {
  assert.throws(() => configFromOptions({ users: "2.5" }), /^ConfigError: options: option users \(--users\): expected a whole number$/);
  assert.throws(() => parseCtarConfig({ rct: { users: 1.5 } }, "c.json"), /^ConfigError: c\.json: option rct\.users \(--rct-users\): expected a whole number$/);
  const iv = parseIntervention("R_RCT=randomized-survey:users=1.5", CTAR_STRUCTURE, builtinRegistry());
  assert.throws(() => applyInterventions(CTAR_STRUCTURE, [iv], builtinRegistry()), /parameter 'users' of 'randomized-survey': expected a whole number$/);
});
