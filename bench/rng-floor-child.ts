/**
 * The reference run for the generator benchmark: the one random draw every (user, movie) pair
 * needs — the rating's 32-bit uniform (the missingness indicators draw only near their hits) —
 * from the same keyed streams, on one thread, with nothing else. The generator's time divided by
 * this is its overhead over drawing the randomness alone.
 * Usage: node dist/bench/rng-floor-child.js <users> <movies>
 */
import { SeedTree } from "../src/rng/stream.js";

const [users, movies] = process.argv.slice(2).map(Number) as [number, number];
const family = new SeedTree(9527).family("R", "user");
const t0 = performance.now();
let sink = 0;
for (let u = 0; u < users; u++) {
  const r = family.stream(u);
  for (let m = 0; m < movies; m++) sink += r.nextUint32();
}
const wall = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ users, movies, wallSeconds: wall, pairsPerSecond: (users * movies) / wall, sink: sink > 0 })}\n`);
