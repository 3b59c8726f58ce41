/**
 * Users' test-set facts (testsets/user-facts.ts) as they cross between threads: every user's rated
 * movies, tags and flags concatenated into five typed arrays (moved, not copied), and read back
 * as views into them.
 */
import type { UserFacts } from "../../../testsets/user-facts.js";

export interface PackedFacts {
  readonly ratedStart: Int32Array;
  readonly rated: Int32Array;
  readonly tagStart: Int32Array;
  readonly tags: Int32Array;
  readonly flags: Uint8Array;
}

export function packFacts(list: readonly UserFacts[]): PackedFacts {
  const ratedStart = new Int32Array(list.length + 1);
  const tagStart = new Int32Array(list.length + 1);
  for (let k = 0; k < list.length; k++) {
    ratedStart[k + 1] = ratedStart[k]! + list[k]!.rated.length;
    tagStart[k + 1] = tagStart[k]! + list[k]!.tags.length;
  }
  const rated = new Int32Array(ratedStart[list.length]!);
  const tags = new Int32Array(tagStart[list.length]!);
  const flags = new Uint8Array(tagStart[list.length]!);
  for (let k = 0; k < list.length; k++) {
    const f = list[k]!;
    rated.set(f.rated, ratedStart[k]!);
    tags.set(f.tags, tagStart[k]!);
    flags.set(f.flags, tagStart[k]!);
  }
  return { ratedStart, rated, tagStart, tags, flags };
}

/** The buffers to move with a postMessage. */
export function factsTransfer(p: PackedFacts): ArrayBuffer[] {
  return [p.ratedStart, p.rated, p.tagStart, p.tags, p.flags].map((a) => a.buffer as ArrayBuffer);
}

export function unpackFacts(p: PackedFacts): UserFacts[] {
  const out: UserFacts[] = [];
  for (let k = 0; k + 1 < p.ratedStart.length; k++) {
    out.push({
      rated: p.rated.subarray(p.ratedStart[k]!, p.ratedStart[k + 1]!),
      tags: p.tags.subarray(p.tagStart[k]!, p.tagStart[k + 1]!),
      flags: p.flags.subarray(p.tagStart[k]!, p.tagStart[k + 1]!),
    });
  }
  return out;
}
