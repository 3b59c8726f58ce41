// Position (exposure) bias for CTAR: the recommender shows each user a ranked slate of movies,
// and a shown movie is rated with a probability that decays with its position in the slate.
// Two mechanisms for `ctar generate --graph graph.yaml` (see README.md):
//   slate-exposure              Exposure[u, m] = position of m in u's slate (1 = top), 0 = not shown
//   position-biased-missingness R_R[u, m] ~ Bernoulli(examine / log2(1 + position)) if shown,
//                               otherwise the organic popularity-based rate of Eq. 6
// The interface is ctar's `Mechanism` type: setup(ctx) → { forUser(ctx) → row }.
// Parents are read only through ctx.parents / parents.get(name), which refuse non-parents.
// Everything comes from ctar itself (`z` is ctar's own zod), so this folder needs only ctar installed.
import { defineMechanism, z } from "ctar";

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** The exposure score of the parent RecSys: a Float64Array over the movies. */
function scoreOf(ctx, name) {
  const v = ctx.parents.get(name);
  if (!(v instanceof Float64Array) || v.length !== ctx.dims.movies) {
    throw new Error(`node '${ctx.node.name}': parent '${name}' must be an exposure score over the movies (like RecSys)`);
  }
  return v;
}

export const slateExposure = defineMechanism({
  kind: "slate-exposure",
  description: "Exposure = position of the movie in a slate of `slate` movies drawn without replacement with P ∝ exp(score/T) (Gumbel top-k); 0 = not shown",
  plates: ["user-movie"],
  params: z.object({ slate: z.number().int().min(1).default(20), temperature: z.number().gt(0).default(100) }).strict(),
  setup(ctx) {
    const [recsys] = ctx.node.parents;
    const score = scoreOf(ctx, recsys);
    const { slate, temperature } = ctx.params;
    const movies = ctx.dims.movies;
    const k = Math.min(slate, movies);
    const key = new Float64Array(movies);
    const position = new Int32Array(movies); // the row this node gives each user (reused)
    return {
      forUser({ rng }) {
        // Gumbel top-k: the k largest of score/T + Gumbel noise are a Plackett–Luce slate.
        for (let m = 0; m < movies; m++) key[m] = score[m] / temperature - Math.log(-Math.log(rng.uniformOpen()));
        position.fill(0);
        for (let p = 1; p <= k; p++) {
          let best = -1;
          for (let m = 0; m < movies; m++) if (position[m] === 0 && (best < 0 || key[m] > key[best])) best = m;
          position[best] = p;
        }
        return position;
      },
    };
  },
});

export const positionBiasedMissingness = defineMechanism({
  kind: "position-biased-missingness",
  description: "P(R_R = 1) = examine / log2(1 + position) for shown movies; organic · s_m / mean(s), s_m = sigmoid(score_m/T + b), otherwise",
  plates: ["user-movie"],
  params: z
    .object({
      examine: z.number().min(0).max(1).default(0.3),
      organic: z.number().min(0).max(1).default(0.01),
      temperature: z.number().gt(0).default(500),
    })
    .strict(),
  setup(ctx) {
    const [recsys, exposure] = ctx.node.parents;
    if (exposure === undefined) throw new Error(`node '${ctx.node.name}': needs two parents, the exposure score and the slate position (got ${ctx.node.parents.join(", ")})`);
    const score = scoreOf(ctx, recsys);
    const { examine, organic, temperature: T } = ctx.params;
    const movies = ctx.dims.movies;
    const b = -movies / (2 * T);
    const s = Float64Array.from(score, (x) => sigmoid(x / T + b));
    const mean = s.reduce((a, x) => a + x, 0) / movies;
    const base = Float64Array.from(s, (x) => Math.min(1, (organic * x) / mean));
    const row = new Uint8Array(movies); // the missingness indicator row: 1 = rating observed
    return {
      forUser({ parents, rng }) {
        const position = parents.get(exposure);
        for (let m = 0; m < movies; m++) {
          const p = position[m] > 0 ? examine / Math.log2(1 + position[m]) : base[m];
          row[m] = rng.uniform() < p ? 1 : 0;
        }
        return row;
      },
    };
  },
});
