/**
 * The engine of a dataset's run, rebuilt to regenerate any of its users on demand (keyed streams:
 * user u comes out identical alone, in any order), and the dataset's observed ratings grouped by
 * user: what off-policy evaluation (truth/evaluate-policy.ts) needs of an in-memory dataset.
 */
import type { SelectedCatalog } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type ObservedRatings, observedByUser } from "../truth/policy-value.js";
import { Engine } from "./engine.js";
import type { RowTable } from "./row-table.js";

/** What ran: a `Dataset` (generate.ts) has it, and so does a run rebuilt from config.json. */
export interface DatasetRunInputs {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  readonly catalog: SelectedCatalog;
}

/** A fresh engine of the run (its setup warnings were said when the dataset was made, so they are dropped by default). */
export function datasetEngine(run: DatasetRunInputs, warn: (message: string) => void = () => {}): Engine {
  const { config, graph, registry, catalog } = run;
  return new Engine({ graph, registry, dims: { users: config.users, movies: config.movies }, catalog, seed: config.seed, compat: config.compat, warn });
}

/** The observed ratings (user, movie, rating) of an in-memory dataset, grouped by user. */
export function observedRatingsOf(d: { readonly config: CtarConfig; readonly tables: { readonly rating: RowTable } }): ObservedRatings {
  const r = d.tables.rating;
  return observedByUser(d.config.users, r.a.subarray(0, r.length), r.b.subarray(0, r.length), r.c.subarray(0, r.length));
}
