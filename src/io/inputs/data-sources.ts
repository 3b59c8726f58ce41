/**
 * Where the authors' data comes from, for the errors of commands that need it (README, "The
 * authors' data"): neither the base movie data nor the Table-3 release ships with ctar.
 */
export const AUTHORS_REPOSITORY = "https://github.com/KID-22/CTAR";

/** The hint a missing `--catalog` folder gets. */
export const BASE_DATA_HINT = `from dataset-generation/original_data/ of ${AUTHORS_REPOSITORY}, MIT licence; README "The authors' data"`;

/** The hint a missing bench dataset folder gets. */
export const RELEASE_HINT = `a folder written by 'ctar generate', or a CTAR release such as CTAR/ of ${AUTHORS_REPOSITORY} at commit 966f1bb, the one behind Table 3; README "The authors' data"`;
