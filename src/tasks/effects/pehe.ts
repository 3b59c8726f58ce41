/**
 * PEHE, the precision in estimating heterogeneous effects (Hill 2011): the root mean squared error
 * of the estimated effect over the population,
 *   PEHE = √( (1/N) Σ_{u,t} (τ̂(u, t) − τ(u, t))² ),
 * optionally restricted to the pairs a mask selects (the liked tags, τ′ = 1).
 */
export function pehe(estimate: Float64Array, tau: Float64Array, only?: (i: number) => boolean): number | null {
  if (estimate.length !== tau.length) throw new RangeError(`pehe: ${estimate.length} estimates but ${tau.length} true effects`);
  let s = 0;
  let n = 0;
  for (let i = 0; i < tau.length; i++) {
    if (only !== undefined && !only(i)) continue;
    const d = estimate[i]! - tau[i]!;
    s += d * d;
    n++;
  }
  return n === 0 ? null : Math.sqrt(s / n);
}
