/**
 * Recoverability of the joint P(V) by factorising the missingness mechanism (Mohan & Pearl 2014,
 * "Graphical models for recovering probabilistic and causal queries from missing data", NeurIPS,
 * Theorem 2; Mohan & Pearl 2021, "Graphical models for processing missing data", JASA, §4.2):
 * in an m-graph without latent parents of indicators, without edges between indicators and
 * without self-masking, the joint of the variables V = V_o ∪ V_m is recoverable, by
 *
 *   P(V) = P(V*, V_o, R = 1) / Π_i P(R_i = 1 | Pa(R_i)),
 *
 * where each factor is itself recoverable: P(R_i = 1 | Pa_o, Pa_m) = P(R_i = 1 | Pa_o, Pa_m*,
 * R_{Pa_m} = 1). The theorem is stated with one indicator per variable and R = 0 for "observed";
 * here R = 1 is observed and a variable may have several channels (CTAR's TL), so the three
 * steps are checked by d-separation instead of by the graph's shape:
 *
 *  (a) the indicators factorise given V: R_i ⊥ (V ∪ R \ {R_i}) \ Pa(R_i) | Pa(R_i), Pa(R_i) ⊆ V;
 *  (b) no self-masking through the chosen channel: for Y ∈ Pa(R_i) ∩ V_m, a channel of Y whose
 *      indicator R_Y is not R_i and with R_i ⊥ R_Y | Pa(R_i) (so P(R_i | Pa) = P(R_i | Pa, R_Y = 1));
 *  (c) the numerator is observed: every indicator at 1 shows every V_m variable through its proxies.
 *
 * This closes the case that sequential factorisation misses (an indicator whose parent is a
 * partially observed variable that is itself the cause of another's missingness in a cycle of
 * orderings). Anything that fails a check is left to the other criteria.
 */
import { dSeparation } from "./d-separation.js";
import type { GraphIndex } from "./graph-index.js";
import type { MissingnessChannel } from "./missingness-channels.js";

export interface IndicatorFactorisation {
  /** The estimand of P(V), in terms of observed quantities. */
  readonly estimand: string;
  /** The d-separation statements used. */
  readonly facts: readonly string[];
}

export interface IndicatorFactorisationInput {
  readonly ix: GraphIndex;
  readonly vo: readonly string[];
  readonly vm: readonly string[];
  readonly indicators: readonly string[];
  readonly channels: ReadonlyMap<string, readonly MissingnessChannel[]>;
  readonly deterministic: boolean;
}

function show(xs: readonly string[]): string {
  return xs.length === 1 ? xs[0]! : `{${xs.join(", ")}}`;
}

/** The factorisation of P(V) over the variables `target` (V_o ∪ V_m in node order), or undefined. */
export function recoverByIndicatorFactorisation(input: IndicatorFactorisationInput, target: readonly string[]): IndicatorFactorisation | undefined {
  const { ix, vo, vm, indicators, channels } = input;
  const sep = (x: readonly string[], y: readonly string[], z: readonly string[]): boolean =>
    dSeparation(ix, x, y, z, { deterministic: input.deterministic }).separated;
  const variables = new Set([...vo, ...vm]);
  if (indicators.length === 0) return undefined;
  if (vm.some((x) => (channels.get(x) ?? []).length === 0)) return undefined; // (c)
  const facts: string[] = [];
  const factors: string[] = [];
  for (const r of indicators) {
    const pa = ix.graph.nodes[ix.id.get(r)!]!.parents;
    if (pa.some((p) => !variables.has(p))) return undefined; // (a): a latent or indicator parent
    const rest = [...variables, ...indicators].filter((v) => v !== r && !pa.includes(v));
    if (rest.length > 0) {
      if (!sep([r], rest, pa)) return undefined;
      facts.push(`${r} ⊥ ${show(rest)}${pa.length > 0 ? ` | ${pa.join(", ")}` : ""}`);
    }
    const conds: string[] = [];
    const seen: string[] = [];
    for (const p of pa) {
      if (!vm.includes(p)) {
        conds.push(p);
        continue;
      }
      const ch = (channels.get(p) ?? []).find((c) => c.indicator !== r && sep([r], [c.indicator], pa)); // (b)
      if (ch === undefined) return undefined;
      conds.push(ch.proxy);
      if (!seen.includes(ch.indicator)) seen.push(ch.indicator);
    }
    const given = [...conds, ...seen.map((i) => `${i} = 1`)];
    factors.push(`P(${r} = 1${given.length > 0 ? ` | ${given.join(", ")}` : ""})`);
  }
  const proxies = target.map((v) => (vm.includes(v) ? channels.get(v)![0]!.proxy : v));
  const numerator = `P(${proxies.join(", ")}, ${indicators.map((i) => `${i} = 1`).join(", ")})`;
  return { estimand: `P(${target.join(", ")}) = ${numerator} / (${factors.join(" · ")})`, facts: [...new Set(facts)] };
}
