/**
 * How the users are cut into work: fixed blocks of users (about 262,000 user-movie pairs each), the
 * unit a worker generates and the unit of every streamed file's chunks. Blocks depend only on the
 * configuration, never on the number of workers, and shards are contiguous runs of whole blocks,
 * so every file is the same bytes whatever the workers or shards.
 */
import { ConfigError } from "../errors/errors.js";

const BLOCK_PAIRS = 1 << 18;

export interface UserRange {
  readonly from: number;
  readonly to: number;
}

/** Users per block for a world of `movies` movies. */
export function blockUsers(movies: number): number {
  return Math.max(1, Math.floor(BLOCK_PAIRS / Math.max(1, movies)));
}

/** The blocks covering users [from, to), cut at multiples of `size` from user 0. */
export function blocksOf(range: UserRange, size: number): UserRange[] {
  const out: UserRange[] = [];
  for (let b = Math.floor(range.from / size) * size; b < range.to; b += size) {
    out.push({ from: Math.max(b, range.from), to: Math.min(b + size, range.to) });
  }
  return out;
}

/** Shard `index` of `count`: a contiguous run of whole blocks (possibly empty for tiny worlds). */
export function shardRange(users: number, movies: number, index: number, count: number): UserRange {
  if (!(Number.isInteger(count) && count >= 1)) throw new ConfigError(`--shard: the number of shards must be a whole number ≥ 1 (got ${count})`);
  if (!(Number.isInteger(index) && index >= 0 && index < count)) {
    throw new ConfigError(`--shard: shard index ${index} is out of range for ${count} shards (expected 0..${count - 1}; indices are 0-based)`);
  }
  const size = blockUsers(movies);
  const nBlocks = Math.ceil(users / size);
  const lo = Math.floor((index * nBlocks) / count);
  const hi = Math.floor(((index + 1) * nBlocks) / count);
  return { from: Math.min(users, lo * size), to: Math.min(users, hi * size) };
}
