/**
 * The files of a CTAR-layout dataset (docs/output.md): which are streamed user by user while the
 * users are generated (in user order, so blocks, workers and shards concatenate), and which are
 * written once at the end from movie-level facts and the test-set draws. Headers live here only.
 */

/** Files written block by block, in user order. */
export const STREAMED_FILES = [
  "train/rating.csv",
  "train/obstag.csv",
  "train/rcttag.csv",
  "test/test_1.csv",
  "truth/liked_tags.csv",
  "truth/obstag_dropped.csv",
  "truth/user_tag.csv",
] as const;
export type StreamedFile = (typeof STREAMED_FILES)[number];

/** truth/full.csv.gz (`--truth full`): every (user, movie) before missingness, streamed as gzip members. */
export const FULL_TRUTH_FILE = "truth/full.csv.gz";

export const HEADERS: Readonly<Record<string, string>> = {
  "train/movie.csv": "movieid,taglist",
  "train/rating.csv": "userid,movieid,rating",
  "train/obstag.csv": "userid,movieid,tagid",
  "train/rcttag.csv": "userid,movieid,tagid",
  "test/test_1.csv": "userid,tagid,islike",
  "test/test_2.csv": "userid,tagid,islike",
  "test/test_3.csv": "userid,tagid,islike",
  "test/test.csv": "userid,tagid,islike",
  "truth/liked_tags.csv": "userid,tagid",
  "truth/movie.csv": "movieid,original_movieid,avg_rating,popularity,popularity_rank,quality,p_rating_observed",
  "truth/tag.csv": "tagid,original_tagid,popularity,in_movie_csv",
  "truth/obstag_dropped.csv": "userid,movieid,tagid",
  "truth/user_tag.csv": "userid,tagid,likes,tau,tau_prime",
  [FULL_TRUTH_FILE]: "userid,movieid,rating,liked_tags,p_rating,p_obstag",
  // a variant world's files (variant-tables.ts, variant-end.ts): absent from every other dataset
  "train/treatment.csv": "userid,movieid,treated,outcome",
  "train/propensity.csv.gz": "userid,movieid,propensity",
  "truth/treatment_arms.csv": "rating,p_outcome_control,p_outcome_treated,effect",
  "truth/rank_propensity.csv": "rank,propensity",
  "train/click.csv": "userid,position,movieid,click,swap",
  "truth/click.csv": "userid,position,movieid,rating,examined,attracted",
  "truth/examination.csv": "position,p_examined",
  "truth/attraction.csv": "rating,grade,p_attracted",
};

/** The order files are listed in config.json (and by `ctar generate`). */
export const FILE_ORDER = [
  "train/movie.csv",
  "train/rating.csv",
  "train/obstag.csv",
  "train/rcttag.csv",
  "test/test_1.csv",
  "test/test_2.csv",
  "test/test_3.csv",
  "test/test.csv",
  "truth/liked_tags.csv",
  "truth/movie.csv",
  "truth/tag.csv",
  "truth/obstag_dropped.csv",
  "truth/user_tag.csv",
  FULL_TRUTH_FILE,
  "train/treatment.csv",
  "train/propensity.csv.gz",
  "truth/treatment_arms.csv",
  "truth/rank_propensity.csv",
  "train/click.csv",
  "truth/click.csv",
  "truth/examination.csv",
  "truth/attraction.csv",
] as const;
