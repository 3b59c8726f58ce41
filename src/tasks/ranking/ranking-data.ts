/**
 * The ranking task's data (docs/tasks-ranking.md): one row per (user, list position) of a click
 * world (the variant ctar-clicks), built by regenerating every user through the engine of the run
 * that wrote the dataset (keyed streams: the same lists, examinations and clicks). A row holds what
 * the log shows — the movie, the click, the user's swap — the features an observer can compute, and
 * the truth: the relevance grade and the exact examination and click probabilities.
 * Memory: users × L rows (the click log itself), one user's values at a time.
 */
import { ConfigError, GraphError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import { type ClickNodes, clickNodesIn } from "../../generate/variant-tables.js";
import type { Emit } from "../../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../../mechanisms/registry.js";
import { ctarRoles } from "../../mechanisms/roles.js";
import { isLoggedList } from "../../mechanisms/logging-ranker.js";
import { examinationProbability, positionExaminationParams } from "../../mechanisms/position-examination.js";
import { attractiveness, gradedAttractivenessParams, relevanceGrade } from "../../mechanisms/graded-attractiveness.js";
import type { WorldRun } from "../world-run.js";
import { FEATURE_NAMES, ObserverFeatures, type ObserverNodes } from "./observer-features.js";

/** Every u with u mod TEST_EVERY = TEST_EVERY − 1 is a test user (a fixed 20 %, no draw). */
export const TEST_EVERY = 5;
export const isTestUser = (u: number): boolean => u % TEST_EVERY === TEST_EVERY - 1;

export interface RankingData {
  readonly users: number;
  readonly movies: number;
  /** L: every user's list has L rows, row u·L + k − 1 at position k. */
  readonly length: number;
  /** The highest relevance grade (y_max), for ERR. */
  readonly maxGrade: number;
  readonly featureNames: readonly string[];
  readonly movie: Int32Array;
  /** The logged click (0 for test users: their clicks are not part of the task). */
  readonly click: Uint8Array;
  /** Per user: the position swapped with position 1, 0 when none. */
  readonly swap: Int32Array;
  /** Row-major, featureNames.length per row. */
  readonly features: Float64Array;
  /** Truth per row: relevance grade y, exact P(E = 1), exact P(C = 1). */
  readonly grade: Int32Array;
  readonly pExam: Float64Array;
  readonly pClick: Float64Array;
}

export type { ClickNodes };

export function clickNodesOf(g: MGraph, where: string): ClickNodes {
  const found = clickNodesIn(g);
  if ("missing" in found) {
    throw new ConfigError(
      `${where}: the world has no click nodes (no node with mechanism ${found.missing.map((k) => `'${k}'`).join(", ")}); the ranking task and the ULTRA export read clicks: generate one from the variant ctar-clicks (ctar graph show --preset ctar-clicks > clicks.yaml; ctar generate --graph clicks.yaml --out DIR)`,
    );
  }
  return found;
}

function observerNodes(g: MGraph, registry: MechanismRegistry): ObserverNodes {
  const roles = ctarRoles(g, registry);
  const need = (role: keyof typeof roles) => {
    const n = roles[role];
    if (n === undefined) throw new GraphError(`graph '${g.name}': no node plays the role '${role}' (the ranking task's features read it)`);
    return n;
  };
  return { tm: need("movie-tags"), tl: need("tag-overlap"), rating: need("rating"), ratingMissingness: need("rating-missingness"), obstagMissingness: roles["obstag-missingness"], surveyMissingness: roles["survey-missingness"] };
}

const ignoreRows: Emit = () => {};

/** testClicks: keep the test users' clicks too (the ULTRA export's log; the task hides them). */
export function buildRankingData(world: WorldRun, where: string, o: { readonly testClicks?: boolean } = {}): RankingData {
  const { users, movies } = world.config;
  const { engine } = world;
  const g = engine.input.graph;
  const nodes = clickNodesOf(g, where);
  const eta = positionExaminationParams.parse(nodes.exam.mechanism.params ?? {}).eta;
  const att = gradedAttractivenessParams.parse(nodes.attraction.mechanism.params ?? {});
  const ratingNode = nodes.attraction.parents[0]!;
  const features = new ObserverFeatures(engine.movieValues, observerNodes(g, engine.input.registry), movies);
  let length = -1;
  let movie = new Int32Array(0);
  let click = new Uint8Array(0);
  let grade = new Int32Array(0);
  let pExam = new Float64Array(0);
  let pClick = new Float64Array(0);
  let x = new Float64Array(0);
  const d = FEATURE_NAMES.length;
  const swap = new Int32Array(users);
  for (let u = 0; u < users; u++) {
    const values = engine.runUser(u, ignoreRows);
    const list = values.get(nodes.list);
    if (!isLoggedList(list)) throw new GraphError(`node '${nodes.list}': user ${u}'s value is not a logged list`);
    if (length < 0) {
      length = list.order.length;
      const n = users * length;
      [movie, click, grade, pExam, pClick, x] = [new Int32Array(n), new Uint8Array(n), new Int32Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n * d)];
    }
    const r = values.get(ratingNode) as Float64Array;
    const c = values.get(nodes.click) as Uint8Array;
    features.addUser(values);
    swap[u] = list.swap;
    list.order.forEach((m, j) => {
      const i = u * length + j;
      movie[i] = m;
      click[i] = isTestUser(u) && o.testClicks !== true ? 0 : c[m]!;
      grade[i] = relevanceGrade(r[m]!, att);
      pExam[i] = examinationProbability(j + 1, eta);
      pClick[i] = pExam[i]! * attractiveness(r[m]!, att);
      features.write(m, x, i * d);
    });
  }
  features.finish(movie, x, d);
  return { users, movies, length: Math.max(length, 0), maxGrade: att.max - att.min, featureNames: FEATURE_NAMES, movie, click, swap, features: x, grade, pExam, pClick };
}
