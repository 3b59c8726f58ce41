/**
 * Off-policy evaluation on a generated dataset (paper §7: "all the counterfactuals are
 * available"): the exact value of a recommendation policy from the potential outcomes R_{u,m},
 * next to the naive, IPS and SNIPS estimates from the observed ratings with the exact propensities
 * P(R_R = 1), and DM and DR with a reward model (policy-value.ts has the formulas). Users are regenerated one at a time through the
 * engine that wrote the dataset (any graph: the preset, `--do`, `--graph` with user modules), so
 * memory is bounded by one user's rows, the observed ratings and the policy's lists.
 * @example
 * // d = generate({...}); engine = the same graph rebuilt (ctar ope does this from DIR/config.json)
 * const v = evaluatePolicy({ engine, users, movies, policy: popularityPolicy(users, movies, 10), observed });
 */
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import type { Emit, NodeKernel } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type ObservedRatings, type PolicyValue, PolicyValueAccumulator, type RewardModel } from "./policy-value.js";
import { type OutcomeNodes, PotentialOutcomes, outcomeNodesOf } from "./potential-outcomes.js";
import type { Recommendations } from "./recommendations.js";

/** What the evaluation needs of the engine: generate/engine.ts's `Engine` is one. */
export interface UserOutcomeSource {
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  /** Regenerates user u (rows it emits go to `emit`) and returns every node's value for u. */
  runUser(u: number, emit: Emit): ReadonlyMap<string, unknown>;
  /** The graph it runs (an `Engine` has it): the rating and its missingness are found there by role. */
  readonly input?: { readonly graph: MGraph; readonly registry: MechanismRegistry };
}

export interface PolicyEvaluationInput {
  readonly engine: UserOutcomeSource;
  readonly users: number;
  readonly movies: number;
  readonly policy: Recommendations;
  /** The dataset's observed ratings (train/rating), grouped by user; each must equal the regenerated R. */
  readonly observed: ObservedRatings;
  /** Where the rating and its missingness are; by default found by role in the engine's graph. */
  readonly nodes?: OutcomeNodes;
  /** Names the dataset in errors (e.g. the train/rating file). */
  readonly source?: string;
  /** The reward model of the DM and DR estimates (absent: they are NaN). */
  readonly rewardModel?: RewardModel;
  /** Called after each user (for a progress line). */
  readonly onUser?: (done: number) => void;
}

export interface PolicyEvaluation extends PolicyValue {
  /** False when the rating's missingness records no exact probability: IPS, SNIPS and DR are then NaN. */
  readonly exactPropensities: boolean;
}

const ignoreRows: Emit = () => {};

/** The policy's true value and its naive, IPS, SNIPS, DM and DR estimates (see the module header and policy-value.ts). */
export function evaluatePolicy(input: PolicyEvaluationInput): PolicyEvaluation {
  const { engine, users, movies, policy } = input;
  const source = input.source ?? "the dataset";
  const nodes = input.nodes ?? (engine.input === undefined ? undefined : outcomeNodesOf(engine.input.graph, engine.input.registry));
  if (nodes === undefined) throw new RangeError("evaluatePolicy: give `nodes` for an engine without its graph");
  if (policy.users !== users) throw new RangeError(`evaluatePolicy: the policy has ${policy.users} users, the dataset ${users}`);
  const outcomes = new PotentialOutcomes(movies, nodes);
  const acc = new PolicyValueAccumulator(policy, input.observed, movies, source, input.rewardModel);
  let exact = true;
  for (let u = 0; u < users; u++) {
    const row = outcomes.read(engine.runUser(u, ignoreRows), engine.kernels);
    if (row === undefined) throw new GraphError(`${source}: node '${nodes.rating}' is not a rating per movie (expected a numeric row over the ${movies} movies; off-policy evaluation needs the potential outcomes R)`);
    if (row.pRating === undefined) exact = false;
    acc.addUser(u, row.rating, row.pRating);
    input.onUser?.(u + 1);
  }
  return { ...acc.result(), exactPropensities: exact };
}
