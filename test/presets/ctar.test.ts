/**
 * The CTAR preset's mapping, configuration → the graph's node parameters: each option lands on
 * its node's parameter, the parameter is one the node's mechanism has, and the preset's fixed
 * parameters are there.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import type { z } from "zod";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";

const paramsOf = (g: ReturnType<typeof ctarGraph>) => Object.fromEntries(g.nodes.map((n) => [n.name, n.mechanism.params]));

describe("ctarGraph(config)", () => {
  it("puts every option's value on its node's parameter (written out by hand)", () => {
    const c = parseCtarConfig({
      tagsPerMovie: 9,
      likedTags: { min: 3, max: 7 },
      quality: { sigma: 0.5 },
      rating: { mu: 0.1, sigma: 0.2, min: 0, max: 10 },
      ratingMissingness: { rate: 0.3, temperature: 40, bias: -2 },
      rct: { users: 5, moviesPerUser: 6 },
      obsTag: { rate: 0.04, temperature: 50, alpha: 60, bias: -7, keepRate: 0.8 },
    });
    assert.deepEqual(paramsOf(ctarGraph(c)), {
      U: undefined,
      M: undefined,
      TM: { tagsPerMovie: 9 },
      TU: { min: 3, max: 7 },
      TL: undefined,
      Q: { sigma: 0.5 },
      R: { mu: 0.1, sigma: 0.2, min: 0, max: 10, round: true },
      RecSys: undefined,
      R_R: { rate: 0.3, temperature: 40, bias: -2 },
      R_RCT: { users: 5, moviesPerUser: 6 },
      R_O: { rate: 0.04, temperature: 50, alpha: 60, bias: -7, keepRate: 0.8 },
      "R*": undefined,
      "RCT*": undefined,
      "O*": undefined,
    });
  });

  it("keeps the structure of the bare CTAR graph", () => {
    const g = ctarGraph(parseCtarConfig({}));
    assert.deepEqual(
      g.nodes.map((n) => ({ ...n, mechanism: { kind: n.mechanism.kind } })),
      CTAR_STRUCTURE.nodes.map((n) => ({ ...n, mechanism: { kind: n.mechanism.kind } })),
    );
  });

  it("with the defaults, every node's parameters are its mechanism's defaults", () => {
    const registry = builtinRegistry();
    for (const n of ctarGraph(parseCtarConfig({})).nodes) {
      if (n.mechanism.params === undefined) continue;
      const schema = registry.get(n.mechanism.kind)!.params;
      assert.deepEqual(schema.parse(n.mechanism.params), schema.parse({}), n.name);
    }
  });

  it("each option's schema is the field of the mechanism the graph runs at its node", () => {
    const registry = builtinRegistry();
    for (const o of CTAR_OPTIONS.filter((x) => x.node !== undefined)) {
      const kind = CTAR_STRUCTURE.nodes.find((n) => n.name === o.node)?.mechanism.kind;
      assert.ok(kind, `--${o.flag}: no node ${o.node}`);
      const shape = (registry.get(kind)!.params as unknown as z.ZodObject).shape;
      assert.equal(o.schema, shape[o.param!], `--${o.flag}: not the field ${o.param} of ${kind}`);
    }
  });
});
