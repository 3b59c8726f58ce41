/**
 * TL = TM ∩ TU as a bitmask row over each movie's tag slots. Deterministic. Built from an inverted
 * index tag → (movie, slot), so a user costs Σ over liked tags of their postings, not |M|·|TM|.
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { type TagSetRow, expectIntList, expectMovieTags } from "./values.js";

export const tagOverlap = defineMechanism({
  kind: "tag-overlap",
  role: "tag-overlap",
  value: "tag-set-row",
  deterministic: true,
  description: "TL = TM ∩ TU (deterministic)",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  setup: (ctx) => {
    const name = ctx.node.name;
    if (ctx.node.parents.length !== 2) throw new GraphError(`node '${name}': tag-overlap needs two parents, the user's tags and the movies' tags`);
    // The movies' tags are the parent known at setup (movie plate), in either order; else TU, TM.
    const [first, second] = ctx.node.parents as [string, string];
    const [tuName, tmName] = ctx.parents.known?.(first) === true && ctx.parents.known?.(second) !== true ? [second, first] : [first, second];
    const tm = expectMovieTags(ctx.parents.get(tmName), name, tmName);
    const movies = tm.start.length - 1;
    const tagCount = ctx.tags.count;
    // Postings: for each tag, the (movie, slot) pairs where it occurs.
    const postStart = new Int32Array(tagCount + 1);
    for (let i = 0; i < tm.tag.length; i++) postStart[tm.tag[i]! + 1]!++;
    for (let t = 0; t < tagCount; t++) postStart[t + 1]! += postStart[t]!;
    const fill = postStart.slice(0, tagCount);
    const postMovie = new Int32Array(tm.tag.length);
    const postBit = new Uint32Array(tm.tag.length);
    for (let m = 0; m < movies; m++) {
      for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) {
        const t = tm.tag[k]!;
        const at = fill[t]!++;
        postMovie[at] = m;
        postBit[at] = 1 << (k - tm.start[m]!);
      }
    }
    const mask = new Uint32Array(movies);
    const count = new Uint8Array(movies);
    const row: TagSetRow = { mask, tags: tm, count };
    return {
      forUser: ({ parents }) => {
        const tu = expectIntList(parents.get(tuName), name, tuName);
        mask.fill(0);
        count.fill(0);
        for (let i = 0; i < tu.length; i++) {
          const t = tu[i]!;
          if (t < 0 || t >= tagCount) continue;
          for (let p = postStart[t]!; p < postStart[t + 1]!; p++) {
            const m = postMovie[p]!;
            const before = mask[m]!;
            const after = before | postBit[p]!;
            mask[m] = after;
            if (after !== before) count[m]!++;
          }
        }
        return row;
      },
    };
  },
});
