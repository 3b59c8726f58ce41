/**
 * A dataset's world as a task needs it: the engine of the run that wrote the folder (to regenerate
 * any user's potential outcomes exactly), its configuration and its observed ratings. The io edge
 * builds it from config.json (src/io/recorded/dataset-policy-run.ts's `DatasetPolicyRun` is one).
 */
import type { CtarConfig } from "../config/ctar-config.js";
import type { Engine } from "../generate/engine.js";
import type { ObservedRatings } from "../truth/policy-value.js";

export interface WorldRun {
  readonly config: CtarConfig;
  readonly engine: Engine;
  readonly observed: ObservedRatings;
  /** The observed ratings' file, for messages. */
  readonly ratingFile: string;
  /** The `--do` interventions of the run, as written. */
  readonly interventions: readonly string[];
  /** Releases what the rebuilt run holds (temporary module copies). */
  dispose(): void;
}
