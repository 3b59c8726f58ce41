/**
 * What the test-set draws need of a generated world: its sizes, TM, the liked-tag node, the
 * compatibility mode, and a way to regenerate one user. generate/world.ts's `World` is one; the
 * draws name only these fields so that testsets/ sits below generate/ (the engine calls the draws,
 * never the reverse).
 */
import type { CtarConfig } from "../config/ctar-config.js";
import type { Emit } from "../mechanisms/mechanism.js";
import type { MovieTags } from "../catalog/movie-tags.js";

export interface TestSetWorld {
  readonly users: number;
  readonly movies: number;
  readonly tagCount: number;
  /** TM: the movies' tags (internal tag ids). */
  readonly movieTags: MovieTags;
  /** 1 for each internal tag that is on some movie. */
  readonly inMovies: Uint8Array;
  /** The user-plate node with each user's liked tags (TU), if the graph has one. */
  readonly likedNode: string | undefined;
  readonly input: { readonly config: Pick<CtarConfig, "compat"> };
  /** Regenerates user u from their keyed streams, emitting their rows. */
  readonly engine: { runUser(u: number, emit: Emit): ReadonlyMap<string, unknown> };
}
