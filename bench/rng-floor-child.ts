/**
 * The reference run for the generator benchmark: the irreducible random work of the CTAR model
 * on the same machine — one normal draw (the rating noise) and two 32-bit uniforms (the R_R and
 * R_O Bernoulli draws) per (user, movie) pair, from the same keyed streams, with nothing else.
 * The generator's time divided by this is its overhead over drawing the randomness alone.
 * Usage: node dist/bench/rng-floor-child.js <users> <movies>
 */
import { SeedTree } from "../src/rng/stream.js";

const [users, movies] = process.argv.slice(2).map(Number) as [number, number];
const seeds = new SeedTree(9527);
const t0 = performance.now();
let sink = 0;
for (let u = 0; u < users; u++) {
  const r = seeds.stream("R", "user", u);
  const a = seeds.stream("R_R", "user", u);
  const b = seeds.stream("R_O", "user", u);
  for (let m = 0; m < movies; m++) sink += r.normal() + a.nextUint32() + b.nextUint32();
}
const wall = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ users, movies, wallSeconds: wall, pairsPerSecond: (users * movies) / wall, sink: sink > 0 })}\n`);
