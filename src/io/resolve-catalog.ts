/** The catalog a configuration names: the built-in synthetic one, or a folder in the base format. */
import type { BaseCatalog } from "../catalog/base-catalog.js";
import { loadBaseCatalog } from "./read-base-catalog.js";
import { syntheticCatalog } from "../catalog/synthetic.js";
import type { CtarConfig } from "../config/ctar-config.js";

export function resolveCatalog(config: Pick<CtarConfig, "catalog" | "catalogSeed">): BaseCatalog {
  if (config.catalog === "builtin") return syntheticCatalog({ seed: config.catalogSeed });
  return loadBaseCatalog(config.catalog);
}
