/** TU (docs/model.md#tu-liked-tags): a uniform number of liked tags in [min, max], drawn from π without replacement. */
import { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { WeightedTable, weightedSampleWithoutReplacement } from "../rng/sample.js";
import { defineMechanism } from "./mechanism.js";
import { minNotAboveMax } from "./min-not-above-max.js";

/** TU's parameters: the range of |TU|. */
export const likedTagsParams = z
  .object({ min: z.number().int().min(0).default(10), max: z.number().int().min(0).max(256).default(20) })
  .strict()
  .check(minNotAboveMax);

export const likedTags = defineMechanism({
  kind: "liked-tags",
  role: "liked-tags",
  value: "tag-list",
  description: "|TU| ~ Uniform{min..max}; tags drawn from tag popularity π without replacement",
  plates: ["user"],
  params: likedTagsParams,
  setup: (ctx) => {
    const { min, max } = ctx.params;
    const table = new WeightedTable(ctx.tags.popularity);
    if (max > table.support) {
      throw new ConfigError(`option likedTags.max: users may like up to ${max} tags, but only ${table.support} tags exist`);
    }
    return {
      forUser: ({ rng }) => {
        const k = min + rng.int(max - min + 1);
        return weightedSampleWithoutReplacement(rng, table, k);
      },
    };
  },
});
