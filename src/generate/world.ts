/**
 * A world: one run of the m-graph set up over its movies (the engine, with every movie-plate value
 * computed) plus the movie-level facts the CTAR layout derives from it — the movies' tags TM, the
 * released tag ids, the tags a draw can reach, τ's closed form. Every worker, every shard and the
 * test-set stage build the same world from the same inputs, so they agree to the bit.
 */
import type { SelectedCatalog } from "../catalog/select-movies.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import type { PrebuiltTables } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type CtarRoles, ctarRoles } from "../mechanisms/roles.js";
import { type MovieTags, expectMovieTags } from "../mechanisms/values.js";
import { type OutcomeNodes, outcomeNodesOf } from "../truth/potential-outcomes.js";
import { ratingModelOf } from "../truth/user-tag-truth.js";
import { TagEffects } from "../truth/tag-effect.js";
import { Engine } from "./engine.js";

export interface WorldInput {
  readonly config: CtarConfig;
  readonly catalog: SelectedCatalog;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  /** Setup warnings (e.g. probabilities clipped at 1); workers pass a no-op so they are said once. */
  readonly warn: (message: string) => void;
  /** τ's table as the main thread's world computed it (`effectsTable`), handed to a worker's. */
  readonly effectsTable?: Float64Array;
  /** The kernels' tables as the main thread's engine computed them (`Engine.tables`), likewise. */
  readonly kernelTables?: ReadonlyMap<string, PrebuiltTables>;
}

/** Re-ranks tags by first appearance in the movies' tag lists; the rest follow in internal order. */
export function tagOutputIds(tm: MovieTags, tagCount: number): { ids: Int32Array; inLists: number } {
  const ids = new Int32Array(tagCount).fill(-1);
  let next = 0;
  for (let i = 0; i < tm.tag.length; i++) {
    const t = tm.tag[i]!;
    if (ids[t] === -1) ids[t] = next++;
  }
  const inLists = next;
  for (let t = 0; t < tagCount; t++) if (ids[t] === -1) ids[t] = next++;
  return { ids, inLists };
}

export class World {
  readonly engine: Engine;
  readonly users: number;
  readonly movies: number;
  readonly tagCount: number;
  /** TM: the movies' tags (internal tag ids). */
  readonly movieTags: MovieTags;
  /** Internal tag id → released tag id (re-ranked by first appearance in movie.csv). */
  readonly tagOutputId: Int32Array;
  /** Number of distinct tags in movie.csv. */
  readonly movieCsvTags: number;
  /** 1 for each internal tag that is on some movie. */
  readonly inMovies: Uint8Array;
  /** τ (Eq. 1) in closed form, or why it has none for this graph. */
  readonly effects: TagEffects | { readonly reason: string };
  /** The nodes playing each role of the CTAR layout (mechanisms/roles.ts), whatever their names. */
  readonly roles: CtarRoles;
  /** The nodes the potential outcomes are read from (the rating, TL, R_R and R_O roles). */
  readonly outcomeNodes: OutcomeNodes;
  /** The user-plate node with each user's liked tags (TU), if the graph has one. */
  readonly likedNode: string | undefined;
  /** The tag overlap TL that the rating reads (its counts give τ in one pass), when τ applies. */
  readonly overlapNode: string | undefined;

  constructor(readonly input: WorldInput) {
    const { config, catalog, graph, registry } = input;
    this.users = config.users;
    this.movies = config.movies;
    this.tagCount = catalog.tagPopularity.length;
    this.engine = new Engine({ graph, registry, dims: { users: config.users, movies: config.movies }, catalog, seed: config.seed, compat: config.compat, warn: input.warn, prebuilt: input.kernelTables });
    const roles = ctarRoles(graph, registry);
    this.roles = roles;
    const tmName = roles["movie-tags"];
    const tm = tmName === undefined ? undefined : this.engine.movieValues.get(tmName);
    if (tmName === undefined || tm === undefined) {
      throw new GraphError(`graph '${graph.name}': a CTAR-layout dataset needs a movie-plate node with the movies' tags (mechanism 'movie-tags', role movie-tags)`);
    }
    this.movieTags = expectMovieTags(tm, "dataset", tmName);
    const { ids, inLists } = tagOutputIds(this.movieTags, this.tagCount);
    this.tagOutputId = ids;
    this.movieCsvTags = inLists;
    this.inMovies = new Uint8Array(this.tagCount);
    for (let i = 0; i < this.movieTags.tag.length; i++) this.inMovies[this.movieTags.tag[i]!] = 1;
    this.likedNode = graph.nodes.find((n) => n.name === roles["liked-tags"] && n.plate === "user")?.name;
    this.outcomeNodes = outcomeNodesOf(graph, registry);
    const found = ratingModelOf(graph, roles.rating);
    this.overlapNode = "reason" in found ? undefined : found.tl;
    if ("reason" in found) this.effects = found;
    else {
      const q = this.engine.movieValues.get(found.q);
      this.effects =
        q instanceof Float64Array && q.length === this.movies
          ? new TagEffects(this.movieTags, q, found.model, this.tagCount, input.effectsTable)
          : { reason: `node '${found.q}' is not a numeric value per movie` };
    }
  }

  /** τ's table (TagEffects.table), for a worker's world; undefined when τ has no closed form. */
  get effectsTable(): Float64Array | undefined {
    return this.effects instanceof TagEffects ? this.effects.table : undefined;
  }

  /** Number of distinct tags over all movies (the tags a Test III draw can reach). */
  get movieTagKinds(): number {
    return this.movieCsvTags;
  }
}
