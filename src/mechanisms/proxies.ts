/**
 * Proxies (V*): deterministic functions of a partially observed variable and its missingness
 * indicator, emitting the observed rows (docs/model.md#proxies).
 *  - rating-proxy: R* = R where R_R = 1 → table `rating` (user, movie, rating).
 *  - survey-tag-proxy: RCT* = TL where R_RCT = 1: every tag of TL, or tag −1 when TL is empty →
 *    table `rcttag` (user, movie, tag).
 *  - observational-tag-proxy: O* = the labelled tags of TL where R_O = 1 (tag −1 when TL is empty)
 *    → table `obstag`; liked tags left unlabelled → table `dropped` (the Test I positives).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import type { ParentValues } from "./mechanism.js";
import { defineMechanism } from "./mechanism.js";
import { type TagObservationRow, expectFloatRow, expectIndicatorRow, expectTagSetRow } from "./values.js";

function twoParents(node: { name: string; parents: readonly string[] }, what: string): [string, string] {
  if (node.parents.length !== 2) throw new GraphError(`node '${node.name}': ${what} needs exactly two parents, the variable and its missingness indicator (got ${node.parents.join(", ") || "none"})`);
  return node.parents as unknown as [string, string];
}

export const ratingProxy = defineMechanism({
  kind: "rating-proxy",
  value: "none",
  deterministic: true,
  description: "R* = R where R_R = 1 (rating.csv)",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  outputs: [{ table: "rating", columns: ["userid", "movieid", "rating"] }],
  setup: (ctx) => {
    const [rName, indName] = twoParents(ctx.node, "rating-proxy");
    const movies = ctx.dims.movies;
    return {
      forUser: ({ user, parents, emit }) => {
        const r = expectFloatRow(parents.get(rName), ctx.node.name, rName, movies);
        const ind = expectIndicatorRow(parents.get(indName), ctx.node.name, indName, movies);
        // Indicator rows are sparse: indexOf scans natively for the next observed pair.
        for (let m = ind.indexOf(1); m >= 0; m = ind.indexOf(1, m + 1)) emit("rating", user, m, r[m]!);
        return undefined;
      },
    };
  },
});

export const surveyTagProxy = defineMechanism({
  kind: "survey-tag-proxy",
  value: "none",
  deterministic: true,
  description: "RCT* = every tag of TL (or −1 when TL is empty) where R_RCT = 1 (rcttag.csv)",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  outputs: [{ table: "rcttag", columns: ["userid", "movieid", "tagid"] }],
  setup: (ctx) => {
    const [tlName, indName] = twoParents(ctx.node, "survey-tag-proxy");
    const movies = ctx.dims.movies;
    return {
      forUser: ({ user, parents, emit }) => {
        const tl = expectTagSetRow(parents.get(tlName), ctx.node.name, tlName);
        const ind = expectIndicatorRow(parents.get(indName), ctx.node.name, indName, movies);
        for (let m = ind.indexOf(1); m >= 0; m = ind.indexOf(1, m + 1)) {
          const mask = tl.mask[m]!;
          if (mask === 0) emit("rcttag", user, m, -1);
          else emitTags(emit, "rcttag", user, m, mask, tl.tags.start, tl.tags.tag);
        }
        return undefined;
      },
    };
  },
});

export const observationalTagProxy = defineMechanism({
  kind: "observational-tag-proxy",
  value: "none",
  description: "O* = the labelled tags of TL (or −1 when TL is empty) where R_O = 1 (obstag.csv); unlabelled liked tags are Test I",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  outputs: [
    { table: "obstag", columns: ["userid", "movieid", "tagid"] },
    { table: "dropped", columns: ["userid", "movieid", "tagid"] },
  ],
  setup: (ctx) => {
    const [tlName, indName] = twoParents(ctx.node, "observational-tag-proxy");
    const movies = ctx.dims.movies;
    // A plain indicator row (e.g. the intervention R_O=uniform) labels every liked tag.
    const allLabelled = new Uint32Array(movies).fill(0xffffffff);
    return {
      forUser: ({ user, parents, emit }) => {
        const tl = expectTagSetRow(parents.get(tlName), ctx.node.name, tlName);
        const ro = expectObservationRow(parents, ctx.node.name, indName, allLabelled);
        const obs = ro.observed;
        for (let m = obs.indexOf(1); m >= 0; m = obs.indexOf(1, m + 1)) {
          const mask = tl.mask[m]!;
          if (mask === 0) {
            emit("obstag", user, m, -1);
            continue;
          }
          const lab = ro.labelled[m]! & mask;
          emitTags(emit, "obstag", user, m, lab, tl.tags.start, tl.tags.tag);
          emitTags(emit, "dropped", user, m, mask & ~lab, tl.tags.start, tl.tags.tag);
        }
        return undefined;
      },
    };
  },
});

function emitTags(
  emit: (t: string, a: number, b: number, c: number) => void,
  table: string,
  user: number,
  m: number,
  mask: number,
  start: Int32Array,
  tag: Int32Array,
): void {
  const s = start[m]!;
  for (let rest = mask; rest !== 0; rest &= rest - 1) {
    const slot = 31 - Math.clz32(rest & -rest);
    emit(table, user, m, tag[s + slot]!);
  }
}

function expectObservationRow(parents: ParentValues, node: string, name: string, allLabelled: Uint32Array): TagObservationRow {
  const movies = allLabelled.length;
  const v = parents.get<TagObservationRow>(name);
  if (typeof v === "object" && v !== null && v.observed instanceof Uint8Array && v.labelled instanceof Uint32Array && v.observed.length === movies) return v;
  if (v instanceof Uint8Array && v.length === movies) return { observed: v, labelled: allLabelled };
  throw new GraphError(`node '${node}': parent '${name}' must be an observation indicator for tags, like R_O`);
}
