// User activity for CTAR: some users rate much more than others. Two mechanisms for
// `ctar generate --graph graph.yaml` (see README.md), with plain parse functions as parameter
// schemas (no dependency at all; a zod schema works too):
//   lognormal-activity   Activity[u] = exp(sigma · N(0, 1) − sigma²/2), mean 1
//   activity-missingness P(R_R[u, m] = 1) = min(1, Activity[u] · rate · s_m / mean(s)),
//                        s_m = sigmoid(score_m / T + b) as in the paper's Eq. 6
// The interface is ctar's `Mechanism` type: setup(ctx) → { forUser(ctx) → value }.

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** A tiny parameter parser: defaults, then checks; throws with a message naming the key. */
function parseNumbers(raw, spec) {
  const out = {};
  for (const key of Object.keys(raw ?? {})) if (!(key in spec)) throw new Error(`unknown parameter '${key}' (known: ${Object.keys(spec).join(", ")})`);
  for (const [key, [dflt, ok, what]] of Object.entries(spec)) {
    const v = raw?.[key] ?? dflt;
    if (typeof v !== "number" || !ok(v)) throw new Error(`parameter '${key}' must be ${what} (got ${JSON.stringify(v)})`);
    out[key] = v;
  }
  return out;
}

export const lognormalActivity = {
  kind: "lognormal-activity",
  description: "Activity = exp(sigma·N(0,1) − sigma²/2): a user's rating activity, mean 1",
  plates: ["user"],
  params: (raw) => parseNumbers(raw, { sigma: [1, (x) => x >= 0, "a number ≥ 0"] }),
  setup(ctx) {
    const { sigma } = ctx.params;
    return { forUser: ({ rng }) => Math.exp(sigma * rng.normal() - (sigma * sigma) / 2) };
  },
};

export const activityMissingness = {
  kind: "activity-missingness",
  description: "P(R_R = 1) = min(1, Activity · rate · s_m / mean(s)), s_m = sigmoid(score_m/T + b) (Eq. 6 scaled by the user's activity)",
  plates: ["user-movie"],
  params: (raw) =>
    parseNumbers(raw, {
      rate: [0.02, (x) => x > 0 && x <= 1, "in (0, 1]"],
      temperature: [500, (x) => x > 0, "> 0"],
    }),
  setup(ctx) {
    const [recsys, activity] = ctx.node.parents;
    if (activity === undefined) throw new Error(`node '${ctx.node.name}': needs two parents, the exposure score and the user's activity`);
    const score = ctx.parents.get(recsys); // a movie-plate parent: known at setup
    const { rate, temperature: T } = ctx.params;
    const movies = ctx.dims.movies;
    const b = -movies / (2 * T);
    const s = Float64Array.from(score, (x) => sigmoid(x / T + b));
    const mean = s.reduce((a, x) => a + x, 0) / movies;
    const p = Float64Array.from(s, (x) => (rate * x) / mean);
    const row = new Uint8Array(movies);
    let clipped = 0;
    return {
      forUser({ parents, rng }) {
        const a = parents.get(activity); // a user-plate parent: one number per user
        for (let m = 0; m < movies; m++) {
          let q = a * p[m];
          if (q > 1) {
            q = 1;
            clipped++;
          }
          row[m] = rng.uniform() < q ? 1 : 0;
        }
        return row;
      },
      finish() {
        if (clipped > 0) ctx.warn(`node '${ctx.node.name}': P(observed) clipped to 1 for ${clipped} pairs (very active users)`);
      },
    };
  },
};
