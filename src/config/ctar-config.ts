/**
 * The CTAR generator's configuration: every parameter of docs/model.md#structural-equations and
 * docs/test-sets.md with the authors' defaults (their run.sh). Parsed once at the edge (CLI flags and/or a JSON/YAML file);
 * the core receives only a parsed `CtarConfig`.
 */
import { z } from "zod";

const count = (d: number) => z.number().int().min(0).default(d);
const positive = (d: number) => z.number().int().min(1).default(d);
const rate = (d: number) => z.number().gt(0).lt(1).default(d);

export const ctarConfigSchema = z
  .object({
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(9527),
    users: positive(1000),
    movies: positive(1000),
    /** "builtin" (the embedded synthetic catalog) or a folder in the authors' base format. */
    catalog: z.string().min(1).default("builtin"),
    catalogSeed: z.number().int().min(0).default(2202),
    compat: z.enum(["none", "reference"]).default("none"),
    tagsPerMovie: z.number().int().min(1).max(31).default(8),
    likedTags: z.object({ min: count(10), max: z.number().int().min(0).max(256).default(20) }).strict().prefault({}),
    quality: z.object({ sigma: z.number().min(0).default(0.75) }).strict().prefault({}),
    rating: z
      .object({ mu: z.number().default(0.7), sigma: z.number().min(0).default(0.25), min: z.number().default(1), max: z.number().default(5) })
      .strict()
      .prefault({}),
    ratingMissingness: z
      .object({ rate: rate(0.02), temperature: z.number().gt(0).default(500), bias: z.number().nullable().default(null) })
      .strict()
      .prefault({}),
    rct: z.object({ users: count(100), moviesPerUser: count(10) }).strict().prefault({}),
    obsTag: z
      .object({
        rate: rate(0.007),
        temperature: z.number().gt(0).default(200),
        alpha: z.number().nullable().default(null),
        bias: z.number().nullable().default(null),
        keepRate: z.number().min(0).max(1).default(0.6),
      })
      .strict()
      .prefault({}),
    test2: z.object({ draws: count(5000), positives: count(1500) }).strict().prefault({}),
    test3: z.object({ draws: count(4000), positives: count(1200) }).strict().prefault({}),
  })
  .strict();

export type CtarConfig = z.output<typeof ctarConfigSchema>;
export type CtarConfigInput = z.input<typeof ctarConfigSchema>;

/** One command-line option: its flag, the config path it sets, and its help text. */
export interface OptionSpec {
  readonly flag: string;
  readonly path: readonly string[];
  readonly kind: "int" | "number" | "string" | "number-or-null";
  readonly help: string;
}

/** Every generator parameter as a flag (README's option table is this list). */
export const CTAR_OPTIONS: readonly OptionSpec[] = [
  { flag: "seed", path: ["seed"], kind: "int", help: "root seed of every random stream" },
  { flag: "users", path: ["users"], kind: "int", help: "number of simulated users" },
  { flag: "movies", path: ["movies"], kind: "int", help: "number of movies |M| (the most tagged of the catalog)" },
  { flag: "catalog", path: ["catalog"], kind: "string", help: "'builtin' or a folder with movie_rating.csv and movie_tag_ct.csv" },
  { flag: "catalog-seed", path: ["catalogSeed"], kind: "int", help: "seed of the built-in synthetic catalog" },
  { flag: "compat", path: ["compat"], kind: "string", help: "'none', or 'reference' to keep the authors' construction (see docs/test-sets.md)" },
  { flag: "tags-per-movie", path: ["tagsPerMovie"], kind: "int", help: "tags per movie in TM (padded from tag popularity)" },
  { flag: "liked-tags-min", path: ["likedTags", "min"], kind: "int", help: "fewest tags a user likes" },
  { flag: "liked-tags-max", path: ["likedTags", "max"], kind: "int", help: "most tags a user likes" },
  { flag: "quality-sigma", path: ["quality", "sigma"], kind: "number", help: "σ1, sd of the quality noise (Eq. 4)" },
  { flag: "rating-mu", path: ["rating", "mu"], kind: "number", help: "μ, subtracted in the rating equation (Eq. 5)" },
  { flag: "rating-sigma", path: ["rating", "sigma"], kind: "number", help: "σ2, sd of the rating noise (Eq. 5)" },
  { flag: "rating-min", path: ["rating", "min"], kind: "number", help: "lowest rating (clip)" },
  { flag: "rating-max", path: ["rating", "max"], kind: "number", help: "highest rating (clip)" },
  { flag: "rating-rate", path: ["ratingMissingness", "rate"], kind: "number", help: "P_M, mean probability that a rating is observed (Eq. 6)" },
  { flag: "rating-temperature", path: ["ratingMissingness", "temperature"], kind: "number", help: "T of Eq. 6" },
  { flag: "rating-bias", path: ["ratingMissingness", "bias"], kind: "number-or-null", help: "b of Eq. 6 (default −|M|/(2T))" },
  { flag: "rct-users", path: ["rct", "users"], kind: "int", help: "users in the randomized tag survey" },
  { flag: "rct-movies", path: ["rct", "moviesPerUser"], kind: "int", help: "movies per surveyed user" },
  { flag: "obs-rate", path: ["obsTag", "rate"], kind: "number", help: "P_O, mean probability that a pair gets observational tags (Eq. 7)" },
  { flag: "obs-temperature", path: ["obsTag", "temperature"], kind: "number", help: "T of Eq. 7" },
  { flag: "obs-alpha", path: ["obsTag", "alpha"], kind: "number-or-null", help: "α, weight of the rating in Eq. 7 (default |M|/5)" },
  { flag: "obs-bias", path: ["obsTag", "bias"], kind: "number-or-null", help: "b of Eq. 7 (default −|M|/T)" },
  { flag: "obs-keep-rate", path: ["obsTag", "keepRate"], kind: "number", help: "probability that each further liked tag is labelled" },
  { flag: "test2-draws", path: ["test2", "draws"], kind: "int", help: "Test II draws (over pairs with an observed rating)" },
  { flag: "test2-positives", path: ["test2", "positives"], kind: "int", help: "Test II positive quota" },
  { flag: "test3-draws", path: ["test3", "draws"], kind: "int", help: "Test III draws (over pairs without an observed rating)" },
  { flag: "test3-positives", path: ["test3", "positives"], kind: "int", help: "Test III positive quota" },
];
