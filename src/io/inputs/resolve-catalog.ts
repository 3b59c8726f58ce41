/** The catalog a configuration names: the built-in synthetic one, or a folder in the base format. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BaseCatalog } from "../../catalog/base-catalog.js";
import { loadBaseCatalog } from "./read-base-catalog.js";
import { syntheticCatalog } from "../../catalog/synthetic.js";
import type { CtarConfig } from "../../config/ctar-config.js";
import { InputError } from "../../errors/errors.js";
import { BASE_DATA_HINT } from "./data-sources.js";

export function resolveCatalog(config: Pick<CtarConfig, "catalog" | "catalogSeed">): BaseCatalog {
  if (config.catalog === "builtin") return syntheticCatalog({ seed: config.catalogSeed });
  // A folder without the base files is most likely data not fetched yet: say where it comes from.
  if (!existsSync(join(config.catalog, "movie_rating.csv")) && !existsSync(join(config.catalog, "movie_tag_ct.csv"))) {
    const what = existsSync(config.catalog) ? "has no movie_rating.csv or movie_tag_ct.csv" : "folder not found";
    throw new InputError(`--catalog ${config.catalog}: ${what} (expected the authors' base data, movie_rating.csv and movie_tag_ct.csv, ${BASE_DATA_HINT})`);
  }
  return loadBaseCatalog(config.catalog);
}
