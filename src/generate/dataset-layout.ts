/**
 * The tables of a CTAR dataset folder (docs/output.md, "Output layout"): where each lives, its columns,
 * their types and meaning. One list that the readers, `validate`, the card and croissant.json
 * share, so that they cannot disagree about a column. A table is stored as NAME.csv (truth/full
 * as NAME.csv.gz) or NAME.parquet beside it (`generate --format parquet|both`).
 */

/** Column kinds: `int` (CSV integer; Parquet INT32 or INT64), `double`, `intlist` (movie.csv's quoted taglist; Parquet list<int32>). */
export type ColumnKind = "int" | "double" | "intlist";

export interface LayoutColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly description: string;
}

export interface LayoutTable {
  /** Path without extension, relative to the dataset folder, e.g. `train/rating`. */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly LayoutColumn[];
  /** Columns that identify a row (Croissant's key). */
  readonly key: readonly string[];
  /** Optional tables (truth/user_tag, truth/full) may be absent from a valid folder. */
  readonly optional?: boolean;
  /** CSV stored gzipped (truth/full.csv.gz). */
  readonly gzip?: boolean;
}

const int = (name: string, description: string): LayoutColumn => ({ name, kind: "int", description });
const dbl = (name: string, description: string): LayoutColumn => ({ name, kind: "double", description });

const USER = int("userid", "user id, 0..users−1");
const MOVIE = int("movieid", "movie id, 0..|M|−1 in popularity order (movie.csv's order)");
const TAG_ROW = int("tagid", "tag id (re-ranked by first appearance in movie.csv), or −1 when the user likes none of the movie's tags");
const TAG = int("tagid", "tag id (re-ranked by first appearance in movie.csv)");
const ISLIKE = int("islike", "1 if the user likes the tag (τ′ = 1), else 0");

export const DATASET_TABLES: readonly LayoutTable[] = [
  { name: "train/movie", description: "each movie's tags TM", key: ["movieid"], columns: [MOVIE, { name: "taglist", kind: "intlist", description: "the movie's tag ids (CSV: a quoted comma list)" }] },
  { name: "train/rating", description: "observed ratings R* (rows where R_R = 1), by user then movie", key: ["userid", "movieid"], columns: [USER, MOVIE, int("rating", "the observed rating")] },
  { name: "train/obstag", description: "observational tags O*: the labelled liked tags of each pair with R_O = 1", key: ["userid", "movieid", "tagid"], columns: [USER, MOVIE, TAG_ROW] },
  { name: "train/rcttag", description: "randomized survey RCT*: every liked tag of each pair with R_RCT = 1", key: ["userid", "movieid", "tagid"], columns: [USER, MOVIE, TAG_ROW] },
  { name: "test/test_1", description: "Test I: liked tags left unlabelled in ObsTag (all positive)", key: ["userid", "tagid"], columns: [USER, TAG, ISLIKE] },
  { name: "test/test_2", description: "Test II: (user, tag) pairs from movies the user rated (identifiable)", key: ["userid", "tagid"], columns: [USER, TAG, ISLIKE] },
  { name: "test/test_3", description: "Test III: (user, tag) pairs from movies the user did not rate, shown by none of the user's rated movies (non-identifiable)", key: ["userid", "tagid"], columns: [USER, TAG, ISLIKE] },
  { name: "test/test", description: "the union of Tests I–III, deduplicated on (user, tag)", key: ["userid", "tagid"], columns: [USER, TAG, ISLIKE] },
  { name: "truth/liked_tags", description: "every user's liked tags TU (tags on no movie have ids after movie.csv's)", key: ["userid", "tagid"], columns: [USER, int("tagid", "a liked tag id")] },
  {
    name: "truth/movie",
    description: "the catalog movie behind each id, its quality Q and exact P(R_R = 1)",
    key: ["movieid"],
    columns: [MOVIE, int("original_movieid", "the catalog's movie id"), dbl("avg_rating", "the catalog's average rating"), int("popularity", "the catalog popularity (total tag count)"), int("popularity_rank", "rank by popularity, 0 = most popular"), dbl("quality", "Q_m (Eq. 4)"), dbl("p_rating_observed", "P(R_R = 1) for this movie (Eq. 6), exact")],
  },
  { name: "truth/tag", description: "the catalog tag behind each id and its popularity π", key: ["tagid"], columns: [TAG, int("original_tagid", "the catalog's tag id"), dbl("popularity", "π_t, the share of tag counts"), int("in_movie_csv", "1 if the tag appears in movie.csv")] },
  { name: "truth/obstag_dropped", description: "every liked tag left unlabelled in O*, per pair (Test I before deduplication)", key: ["userid", "movieid", "tagid"], columns: [USER, MOVIE, TAG] },
  { name: "truth/user_tag", description: "τ (Eq. 1) and τ′ (Eq. 2) for every liked tag; every other pair has τ = τ′ = 0", key: ["userid", "tagid"], optional: true, columns: [USER, TAG, int("likes", "1 (the tag is liked)"), dbl("tau", "τ(u, t), the effect of the tag on the user's expected rating (Eq. 1)"), int("tau_prime", "τ′(u, t) = 1 if τ > 0 (Eq. 2)")] },
  {
    name: "truth/full",
    description: "every (user, movie) pair before missingness (only with --truth full)",
    key: ["userid", "movieid"],
    optional: true,
    gzip: true,
    columns: [USER, MOVIE, int("rating", "the potential outcome R"), int("liked_tags", "|TL|, the movie's tags the user likes"), dbl("p_rating", "P(R_R = 1)"), dbl("p_obstag", "P(R_O = 1)")],
  },
  // a variant world's tables (variant-tables.ts; docs/output.md#variant-tables): only an uplift or a click world has them
  {
    name: "train/treatment",
    description: "uplift world: the observed treatment T (recommended) and outcome Y (watched) of every pair with T = 1 or Y = 1; every pair not listed has T = Y = 0",
    key: ["userid", "movieid"],
    optional: true,
    columns: [USER, MOVIE, int("treated", "T: 1 if the movie was recommended to the user"), int("outcome", "Y: 1 if the user watched it")],
  },
  { name: "train/propensity", description: "uplift world, with --propensity: P(T = 1) of every (user, movie) pair, the recommender's propensity", key: ["userid", "movieid"], optional: true, gzip: true, columns: [USER, MOVIE, dbl("propensity", "P(T = 1), exact")] },
  {
    name: "truth/treatment_arms",
    description: "uplift world: both arms and the effect as functions of the rating R (a pair's row is its R's)",
    key: ["rating"],
    optional: true,
    columns: [int("rating", "R, the user's rating of the movie"), dbl("p_outcome_control", "P(Y = 1 | do(T = 0)) at this rating"), dbl("p_outcome_treated", "P(Y = 1 | do(T = 1)) at this rating"), dbl("effect", "τ = P(Y = 1 | do(T = 1)) − P(Y = 1 | do(T = 0))")],
  },
  { name: "truth/rank_propensity", description: "uplift world: P(T = 1) by the movie's rank in the user's recommender list (ranked by R + noise)", key: ["rank"], optional: true, columns: [int("rank", "1-based rank in the user's list"), dbl("propensity", "P(T = 1 | rank) = min(1, c · rank^−p)")] },
  {
    name: "train/click",
    description: "click world: the click log, one row per position of each user's logged list",
    key: ["userid", "position"],
    optional: true,
    columns: [USER, int("position", "1-based position in the list"), MOVIE, int("click", "C: 1 if the user clicked the movie"), int("swap", "the position swapped with position 1 in this user's list (result randomisation), 0 when none; the same on every row of a list")],
  },
  {
    name: "truth/click",
    description: "click world: what the log hides, per row of train/click: the rating, the examination E and the attraction A (C = A · E)",
    key: ["userid", "position"],
    optional: true,
    columns: [USER, int("position", "1-based position in the list"), MOVIE, int("rating", "R, the true relevance"), int("examined", "E: 1 if the user examined the position"), int("attracted", "A: 1 if the user would click the movie once examined")],
  },
  { name: "truth/examination", description: "click world: P(E = 1) by list position", key: ["position"], optional: true, columns: [int("position", "1-based position in the list"), dbl("p_examined", "P(E = 1 | position) = position^−η")] },
  {
    name: "truth/attraction",
    description: "click world: P(A = 1) by rating; a listed movie's P(C = 1) is P(E = 1 | position) · P(A = 1 | rating)",
    key: ["rating"],
    optional: true,
    columns: [int("rating", "R, the true relevance"), int("grade", "relevance grade y = R − min"), dbl("p_attracted", "P(A = 1 | R) = ε− + (ε+ − ε−)(2^y − 1)/(2^y_max − 1)")],
  },
];

export function layoutTable(name: string): LayoutTable {
  const t = DATASET_TABLES.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name} in the CTAR layout`);
  return t;
}

/** The CSV file name of a table (relative). */
export const csvName = (t: LayoutTable): string => `${t.name}.csv${t.gzip === true ? ".gz" : ""}`;
/** The Parquet file name of a table (relative). */
export const parquetName = (t: LayoutTable): string => `${t.name}.parquet`;
