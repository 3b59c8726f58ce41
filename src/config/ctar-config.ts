/**
 * The CTAR generator's configuration: every parameter of docs/model.md#structural-equations and
 * docs/test-sets.md, as one table of options (flag ↔ config path ↔ node ↔ parameter, with help
 * text). Parsed once at the edge (CLI flags and/or a JSON/YAML file); the core receives only a
 * parsed `CtarConfig`.
 *
 * A mechanism option restates nothing of its parameter: its type, range and default are the
 * field of the mechanism's own schema (src/mechanisms/), picked here into the config section, so
 * the configuration accepts exactly what the mechanism accepts. The options of the run itself
 * (seed, sizes, catalog, test-set quotas) have their schema here, and only here.
 */
import { z } from "zod";
import { likedTagsParams } from "../mechanisms/liked-tags.js";
import { movieTagsParams } from "../mechanisms/movie-tags.js";
import { popularityMissingnessParams } from "../mechanisms/popularity-missingness.js";
import { qualityParams } from "../mechanisms/quality.js";
import { randomizedSurveyParams } from "../mechanisms/randomized-survey.js";
import { ratingParams } from "../mechanisms/rating.js";
import { selectionMissingnessParams } from "../mechanisms/selection-missingness.js";
import { type OptionGroup, type OptionText, mechanismGroup, runGroup } from "./option-group.js";

const count = (d: number) => z.number().int().min(0).default(d);
/** Limits of this version (the engine's typed arrays and ids), not of the model. */
const MAX_USERS = 50_000_000;
const MAX_MOVIES = 1_000_000;
const beyond = (what: string, n: number) => ({ error: `more ${what} than this version supports (at most ${n.toLocaleString("en-US")})` });

/** Top-level options of the run. */
const RUN = runGroup(
  {
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(9527),
    users: z.number().int().min(1).max(MAX_USERS, beyond("users", MAX_USERS)).default(1000),
    movies: z.number().int().min(1).max(MAX_MOVIES, beyond("movies", MAX_MOVIES)).default(1000),
    /** "builtin" (the embedded synthetic catalog) or a folder in the authors' base format. */
    catalog: z.string().min(1).default("builtin"),
    catalogSeed: z.number().int().min(0).default(2202),
    compat: z.enum(["none", "reference"]).default("none"),
  },
  {
    seed: { flag: "seed", help: "root seed of every random stream" },
    users: { flag: "users", help: "number of simulated users" },
    movies: { flag: "movies", help: "number of movies |M| (the most tagged of the catalog)" },
    catalog: { flag: "catalog", help: "'builtin', or a folder with movie_rating.csv and movie_tag_ct.csv" },
    catalogSeed: { flag: "catalog-seed", help: "seed of the built-in synthetic catalog" },
    compat: { flag: "compat", help: "'reference' keeps the authors' construction where ctar differs (docs/test-sets.md)" },
  },
);

/** TM's parameter, a top-level option. */
const TM = mechanismGroup("TM", movieTagsParams, {
  tagsPerMovie: { flag: "tags-per-movie", help: "tags per movie in TM (padded from tag popularity)" },
});

/** The sections of the configuration, in config.json's order: one per mechanism, then the test sets. */
const SECTIONS = {
  likedTags: mechanismGroup("TU", likedTagsParams, {
    min: { flag: "liked-tags-min", help: "fewest tags a user likes (at most --liked-tags-max)" },
    max: { flag: "liked-tags-max", help: "most tags a user likes" },
  }),
  quality: mechanismGroup("Q", qualityParams, {
    sigma: { flag: "quality-sigma", help: "σ1, sd of the quality noise (Eq. 4)" },
  }),
  rating: mechanismGroup("R", ratingParams, {
    mu: { flag: "rating-mu", help: "μ, subtracted in the rating equation (Eq. 5)" },
    sigma: { flag: "rating-sigma", help: "σ2, sd of the rating noise (Eq. 5)" },
    min: { flag: "rating-min", help: "lowest rating, the clip below (a whole number: the dataset's ratings are; at most --rating-max)" },
    max: { flag: "rating-max", help: "highest rating, the clip above (a whole number)" },
  }),
  ratingMissingness: mechanismGroup("R_R", popularityMissingnessParams, {
    rate: { flag: "rating-rate", help: "P_M, mean probability that a rating is observed (Eq. 6)" },
    temperature: { flag: "rating-temperature", help: "T of Eq. 6" },
    bias: { flag: "rating-bias", help: "b of Eq. 6" },
  }),
  rct: mechanismGroup("R_RCT", randomizedSurveyParams, {
    users: { flag: "rct-users", help: "users in the randomized tag survey (at most --users)" },
    moviesPerUser: { flag: "rct-movies", help: "movies per surveyed user (at most --movies)" },
  }),
  obsTag: mechanismGroup("R_O", selectionMissingnessParams, {
    rate: { flag: "obs-rate", help: "P_O, mean probability that a pair gets observational tags (Eq. 7)" },
    temperature: { flag: "obs-temperature", help: "T of Eq. 7" },
    alpha: { flag: "obs-alpha", help: "α, weight of the rating in Eq. 7" },
    bias: { flag: "obs-bias", help: "b of Eq. 7" },
    keepRate: { flag: "obs-keep-rate", help: "probability that each further liked tag is labelled" },
  }),
  test2: runGroup(
    { draws: count(5000), positives: count(1500) },
    {
      draws: { flag: "test2-draws", help: "Test II draws (over pairs with an observed rating)" },
      positives: { flag: "test2-positives", help: "Test II positive quota (at most the draws)" },
    },
  ),
  test3: runGroup(
    { draws: count(4000), positives: count(1200) },
    {
      draws: { flag: "test3-draws", help: "Test III draws (over pairs without an observed rating)" },
      positives: { flag: "test3-positives", help: "Test III positive quota (at most the draws)" },
    },
  ),
} as const;

type Sections = typeof SECTIONS;
function sectionSchema<F extends z.ZodRawShape>(fields: F) {
  // prefault: a missing section is parsed as {}, so its fields take their defaults (every field
  // has one, which the generic type cannot see: hence the cast)
  return z.object(fields).strict().prefault({} as z.input<z.ZodObject<F>>);
}
type SectionSchemas = { [K in keyof Sections]: ReturnType<typeof sectionSchema<Sections[K]["fields"]>> };

function sectionSchemas(): SectionSchemas {
  const out: Record<string, unknown> = {};
  for (const [key, group] of Object.entries(SECTIONS)) out[key] = sectionSchema(group.fields);
  return out as SectionSchemas;
}

export const ctarConfigSchema = z.object({ ...RUN.fields, ...TM.fields, ...sectionSchemas() }).strict();

export type CtarConfig = z.output<typeof ctarConfigSchema>;
export type CtarConfigInput = z.input<typeof ctarConfigSchema>;

/**
 * One option: its flag, the config path it sets, its help text, its schema (for a mechanism
 * option, the mechanism's own field) and, for a mechanism option, the CTAR graph's node and
 * parameter it sets.
 */
export interface OptionSpec extends OptionText {
  readonly path: readonly string[];
  readonly kind: "int" | "number" | "string" | "number-or-null";
  readonly schema: z.core.$ZodType;
  readonly node?: string;
  readonly param?: string;
}

function specs(group: OptionGroup, section?: string): OptionSpec[] {
  return Object.entries(group.text).map(([key, text]) => {
    const schema = group.fields[key]!;
    return { ...text, path: section === undefined ? [key] : [section, key], kind: kindOf(schema), schema, ...(group.node === undefined ? {} : { node: group.node, param: key }) };
  });
}

/** How a flag's text is read: the schema's JSON type (an int is a number the schema checks). */
function kindOf(schema: z.core.$ZodType): OptionSpec["kind"] {
  const t = z.toJSONSchema(schema, { unrepresentable: "any" }).type;
  if (t === "string") return "string";
  if (Array.isArray(t)) return "number-or-null";
  return t === "integer" ? "int" : "number";
}

/** Every generator option, in config.json's order (docs/generate.md's option table is this list). */
export const CTAR_OPTIONS: readonly OptionSpec[] = [
  ...specs(RUN),
  ...specs(TM),
  ...Object.entries(SECTIONS).flatMap(([key, group]) => specs(group, key)),
];

/** The mechanism schemas of the CTAR graph's nodes that options set, by node name. */
export const OPTION_NODE_SCHEMAS: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  [TM, ...Object.values(SECTIONS)].flatMap((g: OptionGroup) => (g.node === undefined || g.params === undefined ? [] : [[g.node, g.params]])),
);
