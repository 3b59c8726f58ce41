/** The built-in baselines, by name. */
import { ConfigError } from "../errors/errors.js";
import { causeCtar } from "./cause-ctar.js";
import { cause } from "./cause.js";
import { drJl } from "./dr-jl.js";
import { kdLabel } from "./kd-label.js";
import { mfIps } from "./mf-ips.js";
import { mf } from "./mf.js";
import type { Model } from "./model.js";

/** Every built-in model (the first three are the paper's Table 3). */
export const BUILTIN_MODELS: readonly Model[] = [mf, mfIps, causeCtar, cause, drJl, kdLabel] as unknown as readonly Model[];

/** The built-in model of that name, or a ConfigError listing the names. */
export function modelByName(name: string): Model {
  const m = BUILTIN_MODELS.find((x) => x.name === name);
  if (m === undefined) throw new ConfigError(`--models: unknown model '${name}' (expected one of ${BUILTIN_MODELS.map((x) => x.name).join(", ")})`);
  return m;
}
