/**
 * Recoverability of distributions from an m-graph: can P(target) be computed from the observed
 * law P(V*, V_o, R)? Every "recoverable" answer carries its estimand and the d-separation facts
 * it rests on; anything this module cannot derive is "not shown recoverable", never a guess.
 *
 * Criteria, in the order tried (R_X = 1 means X is observed, read from its proxy X*):
 *
 * 1. Adjustment by fully observed variables (MCAR / MAR). If X ⊥ R_X | W with W ⊆ V_o (W may be
 *    empty), then P(X) = Σ_w P(X* | W = w, R_X = 1) P(W = w). Mohan, Pearl & Tian 2013,
 *    "Graphical models for inference with missing data" (NeurIPS); the smallest W is used.
 * 2. Sequential (ordered) factorisation, Mohan, Pearl & Tian 2013; Mohan & Pearl 2021,
 *    "Graphical models for processing missing data" (JASA): if P(T) = Π_i P(Y_i | X_i) with
 *    X_i among the later Y's (and T ∩ V_o, kept last and observed directly), Y_i ⊥ (later \ X_i) | X_i,
 *    and Y_i ⊥ (R_{Y_i}, R_{X_i}) | X_i, then each factor is P(Y_i* | X_i*, R_{Y_i} = 1, R_{X_i} = 1).
 *    A marginal P(X) is recovered by summing such a joint P(X, W) over W.
 * 3. Self-masking (an edge X → R_X), Mohan, Pearl & Tian 2013; Mohan & Pearl 2021:
 *    P(X), and so any joint containing X, is not recoverable. Applied only when X has a single
 *    indicator (the setting of those results); with several channels it is reported as a note.
 *
 * 4. Factorisation of the missingness mechanism, Mohan & Pearl 2014 (Theorem 2) and 2021: without
 *    latent parents of indicators, R → R edges or self-masking, P(V) = P(V*, V_o, R = 1) /
 *    Π_i P(R_i = 1 | Pa(R_i)) (indicator-factorisation.ts); a marginal sums that joint.
 *
 * Several channels per variable (CTAR's TL: R_RCT/RCT* and R_O/O*): each factor may use any one
 * channel of each partially observed variable; a criterion holds if it holds for some choice.
 * Orderings are searched exhaustively up to 6 partially observed variables in the target.
 */
import { dSeparation } from "./d-separation.js";
import { indexGraph, type GraphIndex } from "./graph-index.js";
import { recoverByIndicatorFactorisation } from "./indicator-factorisation.js";
import { missingnessChannels, nodesInSet, type MissingnessChannel } from "./missingness-channels.js";
import type { MGraph } from "./mgraph.js";
import { permutations, subsetsBySize } from "./subsets.js";

export type RecoveryStatus = "recoverable" | "not recoverable" | "not shown recoverable";

export interface Recovery {
  /** "P(R)" or "P(U, M, TM, TL, R)". */
  readonly target: string;
  readonly variables: readonly string[];
  readonly status: RecoveryStatus;
  /** The criterion that decided, with its source; for "not shown", what was tried. */
  readonly criterion: string;
  /** The estimand in terms of observed quantities (recoverable only). */
  readonly estimand?: string;
  /** The d-separation statements the derivation uses. */
  readonly facts: readonly string[];
  readonly notes: readonly string[];
}

export interface RecoverabilityOptions {
  readonly deterministic?: boolean;
  /** Largest number of partially observed variables whose orderings are searched (default 6). */
  readonly maxOrderedVariables?: number;
}

interface Ctx {
  readonly g: MGraph;
  readonly ix: GraphIndex;
  readonly vo: readonly string[];
  readonly vm: readonly string[];
  readonly channels: ReadonlyMap<string, readonly MissingnessChannel[]>;
  readonly det: boolean;
  readonly maxOrdered: number;
}

const CITE_ADJ = "adjustment by fully observed variables (Mohan, Pearl & Tian 2013)";
const CITE_SEQ = "sequential factorisation (Mohan, Pearl & Tian 2013; Mohan & Pearl 2021)";
const CITE_IND = "factorisation of the missingness mechanism (Mohan & Pearl 2014, Theorem 2; Mohan & Pearl 2021)";
const CITE_SELF = "self-masking X → R_X (Mohan, Pearl & Tian 2013; Mohan & Pearl 2021)";

/** Recoverability of P(X) for each X ∈ V_m, then of the joint P(V_o ∪ V_m). */
export function analyzeRecoverability(g: MGraph, options: RecoverabilityOptions = {}): Recovery[] {
  const ix = indexGraph(g);
  const channels = new Map<string, MissingnessChannel[]>();
  for (const c of missingnessChannels(g)) channels.set(c.variable, [...(channels.get(c.variable) ?? []), c]);
  const ctx: Ctx = {
    g,
    ix,
    vo: nodesInSet(g, "V_o"),
    vm: nodesInSet(g, "V_m"),
    channels,
    det: options.deterministic !== false,
    maxOrdered: options.maxOrderedVariables ?? 6,
  };
  const out = ctx.vm.map((x) => recoverMarginal(ctx, x));
  out.push(recoverJoint(ctx, [...ctx.vo, ...ctx.vm].sort((a, b) => ix.id.get(a)! - ix.id.get(b)!)));
  return out;
}

function indicatorFactorisation(ctx: Ctx, target: readonly string[]) {
  if (target.length !== ctx.vo.length + ctx.vm.length) return undefined; // the criterion is about all of V
  const indicators = nodesInSet(ctx.g, "R");
  return recoverByIndicatorFactorisation({ ix: ctx.ix, vo: ctx.vo, vm: ctx.vm, indicators, channels: ctx.channels, deterministic: ctx.det }, target);
}

function sep(ctx: Ctx, x: readonly string[], y: readonly string[], z: readonly string[]): boolean {
  return dSeparation(ctx.ix, x, y, z, { deterministic: ctx.det }).separated;
}

function indep(x: string, y: readonly string[], z: readonly string[]): string {
  const ys = y.length === 1 ? y[0]! : `{${y.join(", ")}}`;
  return z.length === 0 ? `${x} ⊥ ${ys}` : `${x} ⊥ ${ys} | ${z.join(", ")}`;
}

function val(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function selfMaskingNotes(ctx: Ctx, x: string): { notes: string[]; blocking: boolean } {
  const chs = ctx.channels.get(x) ?? [];
  const masked = chs.filter((c) => ctx.g.nodes.find((n) => n.name === c.indicator)?.parents.includes(x));
  const notes = masked.map((c) => `self-masking edge ${x} → ${c.indicator}: ${x} is not recoverable through ${c.proxy} alone`);
  return { notes, blocking: chs.length === 1 && masked.length === 1 };
}

function recoverMarginal(ctx: Ctx, x: string): Recovery {
  const target = `P(${x})`;
  const chs = ctx.channels.get(x) ?? [];
  const { notes, blocking } = selfMaskingNotes(ctx, x);
  if (chs.length === 0) {
    return { target, variables: [x], status: "not shown recoverable", criterion: "no (indicator, proxy) pair", facts: [], notes };
  }
  // 1. Adjustment by W ⊆ V_o, smallest W first, channels in order.
  for (const w of subsetsBySize(ctx.vo, 3, true)) {
    for (const c of chs) {
      if (!sep(ctx, [x], [c.indicator], w)) continue;
      const estimand =
        w.length === 0
          ? `${target} = P(${c.proxy} | ${c.indicator} = 1)`
          : `${target} = Σ_{${w.map(val).join(",")}} P(${c.proxy} | ${w.map((v) => `${v} = ${val(v)}`).join(", ")}, ${c.indicator} = 1) P(${w.map((v) => `${v} = ${val(v)}`).join(", ")})`;
      return {
        target,
        variables: [x],
        status: "recoverable",
        criterion: `${w.length === 0 ? "MCAR channel" : "MAR given fully observed variables"}: ${CITE_ADJ}`,
        estimand,
        facts: [indep(x, [c.indicator], w)],
        notes,
      };
    }
  }
  // 2. Sequential factorisation of P(X, W), W ⊆ V_m ∪ V_o, then sum W out.
  const others = ctx.vm.filter((v) => v !== x);
  for (const s of subsetsBySize(others, 2, false)) {
    for (const o of [[], ctx.vo]) {
      const w = [...s, ...o];
      const f = orderedFactorisation(ctx, [x, ...s], o);
      if (f === undefined) continue;
      const body = f.factors.join(" · ");
      return {
        target,
        variables: [x],
        status: "recoverable",
        criterion: CITE_SEQ,
        estimand: w.length === 0 ? `${target} = ${body}` : `${target} = Σ_{${w.join(", ")}} ${body}`,
        facts: f.facts,
        notes: [...notes, "a factor's X* stands for X where that channel's indicator is 1"],
      };
    }
  }
  // 4. The joint by factorising the indicators, then sum the other variables out.
  const all = [...ctx.vo, ...ctx.vm].sort((a, b) => ctx.ix.id.get(a)! - ctx.ix.id.get(b)!);
  const j = indicatorFactorisation(ctx, all);
  if (j !== undefined) {
    const w = all.filter((v) => v !== x);
    return { target, variables: [x], status: "recoverable", criterion: CITE_IND, estimand: `${target} = Σ_{${w.join(", ")}} ${j.estimand.slice(j.estimand.indexOf("=") + 2)}`, facts: j.facts, notes };
  }
  if (blocking) {
    const r = chs[0]!.indicator;
    return { target, variables: [x], status: "not recoverable", criterion: CITE_SELF, facts: [`edge ${x} → ${r}`], notes };
  }
  return {
    target,
    variables: [x],
    status: "not shown recoverable",
    criterion: "not shown recoverable by the implemented criteria (adjustment, sequential factorisation, factorisation of the missingness mechanism)",
    facts: [],
    notes,
  };
}

function recoverJoint(ctx: Ctx, vars: readonly string[]): Recovery {
  const target = `P(${vars.join(", ")})`;
  const tm = vars.filter((v) => ctx.vm.includes(v));
  const to = vars.filter((v) => ctx.vo.includes(v));
  const blockers = tm.filter((x) => selfMaskingNotes(ctx, x).blocking);
  const notes = tm.flatMap((x) => selfMaskingNotes(ctx, x).notes);
  if (blockers.length > 0) {
    return {
      target,
      variables: vars,
      status: "not recoverable",
      criterion: `${CITE_SELF}: the marginal P(${blockers[0]}) is not recoverable, so neither is the joint`,
      facts: blockers.map((x) => `edge ${x} → ${ctx.channels.get(x)![0]!.indicator}`),
      notes,
    };
  }
  const f = orderedFactorisation(ctx, tm, to);
  if (f !== undefined) {
    return {
      target,
      variables: vars,
      status: "recoverable",
      criterion: CITE_SEQ,
      estimand: `${target} = ${f.factors.join(" · ")}`,
      facts: f.facts,
      notes: [...notes, "a factor's X* stands for X where that channel's indicator is 1"],
    };
  }
  const j = indicatorFactorisation(ctx, vars);
  if (j !== undefined) return { target, variables: vars, status: "recoverable", criterion: CITE_IND, estimand: j.estimand, facts: j.facts, notes };
  const limited = tm.length > ctx.maxOrdered ? ` (orderings searched only for ≤ ${ctx.maxOrdered} partially observed variables)` : "";
  return {
    target,
    variables: vars,
    status: "not shown recoverable",
    criterion: `not shown recoverable by the implemented criteria (sequential factorisation, factorisation of the missingness mechanism)${limited}`,
    facts: [],
    notes,
  };
}

interface Factorisation {
  readonly factors: string[];
  readonly facts: string[];
}

/**
 * Searches an ordered factorisation of P(tm ∪ to) with the fully observed `to` last. For each
 * ordering of tm and each position i, X_i = S ∪ to for the smallest S ⊆ later that makes the
 * factor valid (Y_i ⊥ later \ S | X_i) and recoverable through some channel of Y_i and of each
 * member of S (pairwise d-separation, so channels can be chosen one variable at a time).
 */
function orderedFactorisation(ctx: Ctx, tm: readonly string[], to: readonly string[]): Factorisation | undefined {
  if (tm.length > ctx.maxOrdered) return undefined;
  for (const order of permutations(tm)) {
    const factors: string[] = [];
    const facts: string[] = [];
    let ok = true;
    for (let i = 0; i < order.length && ok; i++) {
      const y = order[i]!;
      const later = order.slice(i + 1);
      ok = false;
      for (const s of subsetsBySize(later, later.length, true)) {
        const xi = [...s, ...to];
        const rest = later.filter((v) => !s.includes(v));
        if (rest.length > 0 && !sep(ctx, [y], rest, xi)) continue;
        const yCh = (ctx.channels.get(y) ?? []).find((c) => sep(ctx, [y], [c.indicator], xi));
        if (yCh === undefined) continue;
        const sCh = s.map((v) => (ctx.channels.get(v) ?? []).find((c) => sep(ctx, [y], [c.indicator], xi)));
        if (sCh.some((c) => c === undefined)) continue;
        const chosen = [yCh, ...(sCh as MissingnessChannel[])];
        const conds = [...(sCh as MissingnessChannel[]).map((c) => c.proxy), ...to, ...chosen.map((c) => `${c.indicator} = 1`)];
        factors.push(`P(${yCh.proxy} | ${conds.join(", ")})`);
        if (rest.length > 0) facts.push(indep(y, rest, xi));
        facts.push(indep(y, chosen.map((c) => c.indicator), xi));
        ok = true;
        break;
      }
    }
    if (ok) {
      if (to.length > 0) factors.push(`P(${to.join(", ")})`);
      return { factors, facts };
    }
  }
  return undefined;
}
