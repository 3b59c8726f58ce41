/**
 * Mechanisms by kind. The built-in ones are registered here; users register their own (see
 * examples/) with `registry.register(mechanism)` or by naming a module in a graph file.
 */
import { ConfigError } from "../errors/errors.js";
import { catalogMovies } from "./catalog-movies.js";
import { clickProxy } from "./click-proxy.js";
import { gradedAttractiveness } from "./graded-attractiveness.js";
import { likedTags } from "./liked-tags.js";
import { loggingRanker } from "./logging-ranker.js";
import type { Mechanism } from "./mechanism.js";
import { movieTags } from "./movie-tags.js";
import { popularityExposure, uniformExposure } from "./popularity-exposure.js";
import { popularityMissingness, uniformMissingness } from "./popularity-missingness.js";
import { positionExamination } from "./position-examination.js";
import { positionMissingness } from "./position-missingness.js";
import { observationalTagProxy, ratingProxy, surveyTagProxy } from "./proxies.js";
import { quality } from "./quality.js";
import { rankTreatment } from "./rank-treatment.js";
import { randomizedSurvey } from "./randomized-survey.js";
import { rating } from "./rating.js";
import { selectionMissingness } from "./selection-missingness.js";
import { tagOverlap } from "./tag-overlap.js";
import { treatmentOutcome } from "./treatment-outcome.js";
import { userIndex } from "./user-index.js";

export class MechanismRegistry {
  private readonly byKind = new Map<string, Mechanism<unknown>>();
  private readonly origin = new Map<string, string>();

  /** Registers a mechanism; `origin` is the module file it came from (user mechanisms). */
  register(m: Mechanism<any>, origin?: string): this {
    if (this.byKind.has(m.kind)) throw new ConfigError(`mechanism '${m.kind}' is registered twice`);
    if (m.alias !== undefined) {
      const other = this.resolveAlias(m.family, m.alias);
      if (other !== undefined) throw new ConfigError(`mechanism '${m.kind}': alias '${m.alias}' of family '${m.family}' is already '${other}'`);
    }
    this.byKind.set(m.kind, m as Mechanism<unknown>);
    if (origin !== undefined) this.origin.set(m.kind, origin);
    return this;
  }

  /** The module file a user mechanism came from; undefined for ctar's own. */
  originOf(kind: string): string | undefined {
    return this.origin.get(kind);
  }

  get(kind: string): Mechanism<unknown> | undefined {
    return this.byKind.get(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }

  /** The kind of `family` whose alias is `alias` (`--do N=uniform`), if one is registered. */
  resolveAlias(family: string | undefined, alias: string): string | undefined {
    if (family === undefined) return undefined;
    for (const m of this.byKind.values()) if (m.family === family && m.alias === alias) return m.kind;
    return undefined;
  }

  /** Every alias some family declares, sorted. */
  aliases(): string[] {
    const out = new Set<string>();
    for (const m of this.byKind.values()) if (m.alias !== undefined) out.add(m.alias);
    return [...out].sort();
  }

  /** The families declaring `alias`, sorted (for messages). */
  familiesWithAlias(alias: string): string[] {
    const out = new Set<string>();
    for (const m of this.byKind.values()) if (m.alias === alias && m.family !== undefined) out.add(m.family);
    return [...out].sort();
  }

  /** A copy, so that a run's user mechanisms do not leak into the built-in registry. */
  clone(): MechanismRegistry {
    const r = new MechanismRegistry();
    for (const m of this.byKind.values()) r.register(m, this.origin.get(m.kind));
    return r;
  }
}

export const BUILTIN_MECHANISMS: readonly Mechanism<any>[] = [
  userIndex,
  catalogMovies,
  movieTags,
  likedTags,
  tagOverlap,
  quality,
  rating,
  popularityExposure,
  uniformExposure,
  popularityMissingness,
  uniformMissingness,
  positionMissingness,
  randomizedSurvey,
  selectionMissingness,
  ratingProxy,
  surveyTagProxy,
  observationalTagProxy,
  rankTreatment,
  treatmentOutcome,
  loggingRanker,
  positionExamination,
  gradedAttractiveness,
  clickProxy,
];

export function builtinRegistry(): MechanismRegistry {
  const r = new MechanismRegistry();
  for (const m of BUILTIN_MECHANISMS) r.register(m);
  return r;
}
