/**
 * A variant world's truth in closed form, written once at the end of a dataset (beside
 * truth/movie.csv): the laws of its nodes are functions of a rating or a rank, so a few rows hold
 * every pair's probabilities. Uplift: both arms P(Y = 1 | do(T = t)) and the effect per rating
 * value (a pair's effect is the row of its rating R, in truth/full.csv.gz with --truth full), and
 * P(T = 1) per rank of the recommender's list. Clicks: P(E = 1) per list position and P(A = 1) per
 * rating; P(C = 1) of a listed movie is their product. A node whose mechanism is not the built-in
 * one has no closed form here: its table is left out and config.json's notes say why.
 */
import type { MGraph } from "../graph/mgraph.js";
import { ratingScaleOf } from "../mechanisms/rating-scale.js";
import { rankPropensities, rankTreatmentParams } from "../mechanisms/rank-treatment.js";
import { outcomeArms, treatmentOutcomeParams } from "../mechanisms/treatment-outcome.js";
import { examinationProbability, positionExaminationParams } from "../mechanisms/position-examination.js";
import { attractiveness, gradedAttractivenessParams, relevanceGrade } from "../mechanisms/graded-attractiveness.js";
import { loggingRankerParams } from "../mechanisms/logging-ranker.js";
import { HEADERS } from "./layout.js";
import { clickNodesIn, upliftNodesOf } from "./variant-tables.js";
import type { World } from "./world.js";

export const ARMS_FILE = "truth/treatment_arms.csv";
export const RANK_PROPENSITY_FILE = "truth/rank_propensity.csv";
export const EXAMINATION_FILE = "truth/examination.csv";
export const ATTRACTION_FILE = "truth/attraction.csv";

export interface VariantEnd {
  readonly texts: Record<string, string>;
  readonly rows: Record<string, number>;
  readonly notes: string[];
}

const node = (g: MGraph, name: string) => g.nodes.find((n) => n.name === name)!;

/** The closed-form truth files of `world` (none for a world without variant nodes). */
export function variantEndFiles(world: World): VariantEnd {
  const out: VariantEnd = { texts: {}, rows: {}, notes: [] };
  const g = world.input.graph;
  const scale = ratingScaleOf(g);
  const add = (file: string, lines: string[]) => {
    out.texts[file] = `${HEADERS[file]!}\n${lines.map((l) => `${l}\n`).join("")}`;
    out.rows[file] = lines.length;
  };
  const ratings: number[] = [];
  for (let r = scale.min; r <= scale.max; r++) ratings.push(r);
  const up = upliftNodesOf(g, world.input.registry);
  if (!("reason" in up)) {
    const y = node(g, up.outcome);
    const t = node(g, up.treatment);
    if (y.mechanism.kind !== "treatment-outcome") out.notes.push(`${ARMS_FILE} not written: outcome node '${y.name}' has mechanism '${y.mechanism.kind}', not the built-in treatment-outcome whose arms are a function of the rating`);
    else if (y.parents[0] !== world.roles.rating) out.notes.push(`${ARMS_FILE} not written: outcome node '${y.name}' reads '${y.parents[0]}', not the rating '${world.roles.rating}' (its arms are not a function of the rating)`);
    else {
      const o = treatmentOutcomeParams.parse(y.mechanism.params ?? {});
      add(ARMS_FILE, ratings.map((r) => {
        const a = outcomeArms(o, r);
        return `${r},${a.control},${a.treated},${a.treated - a.control}`;
      }));
    }
    if (t.mechanism.kind !== "rank-treatment") out.notes.push(`${RANK_PROPENSITY_FILE} not written: treatment node '${t.name}' has mechanism '${t.mechanism.kind}', not the built-in rank-treatment`);
    else {
      const p = rankTreatmentParams.parse(t.mechanism.params ?? {});
      add(RANK_PROPENSITY_FILE, Array.from(rankPropensities(world.movies, p.c, p.p).byRank, (x, i) => `${i + 1},${x}`));
    }
  }
  const clicks = clickNodesIn(g);
  if (!("missing" in clicks)) {
    const eta = positionExaminationParams.parse(clicks.exam.mechanism.params ?? {}).eta;
    const length = loggingRankerParams.parse(node(g, clicks.list).mechanism.params ?? {}).length;
    add(EXAMINATION_FILE, Array.from({ length }, (_, i) => `${i + 1},${examinationProbability(i + 1, eta)}`));
    const a = gradedAttractivenessParams.parse(clicks.attraction.mechanism.params ?? {});
    add(ATTRACTION_FILE, ratings.map((r) => `${r},${relevanceGrade(r, a)},${attractiveness(r, a)}`));
  }
  return out;
}
