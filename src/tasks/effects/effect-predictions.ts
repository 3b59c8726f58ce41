/**
 * A predictions table of the `effects` task (`userid,tagid,tau`, read by the io edge into a
 * ReadTable) as a dense estimate over the population (effects-data.ts). A pair the table leaves
 * out is estimated as τ̂ = 0, the effect of a tag the user does not like (most pairs), and the
 * count given is returned so the output can say so. A header only, an unknown user or tag, a
 * non-finite tau or a pair given twice is an InputError naming the row's place.
 */
import { InputError } from "../../errors/errors.js";
import type { ReadTable } from "../task.js";
import type { EffectsData } from "./effects-data.js";
import { populationSize, tagColumns } from "./effects-data.js";

export const EFFECT_PREDICTION_COLUMNS = ["userid", "tagid", "tau"] as const;

export interface EffectPredictions {
  readonly estimate: Float64Array;
  /** Pairs the table gave (the rest are 0). */
  readonly given: number;
}

export function effectPredictions(data: EffectsData, table: ReadTable): EffectPredictions {
  const [uc, tc, vc] = EFFECT_PREDICTION_COLUMNS;
  if (table.rows === 0) throw new InputError(`${table.file}: no rows, only a header (expected ${EFFECT_PREDICTION_COLUMNS.join(",")} rows)`);
  const user = table.column(uc);
  const tag = table.column(tc);
  const tau = table.column(vc);
  const width = data.catalogTags.length;
  const col = tagColumns(data.tags, data.catalogTags);
  const estimate = new Float64Array(populationSize(data.users, width));
  // Row + 1 of each pair's first row (0: not given): finds repeats without a Map keyed by pairs.
  const first = new Int32Array(estimate.length);
  for (let i = 0; i < table.rows; i++) {
    const u = user[i]!;
    const t = tag[i]!;
    const v = tau[i]!;
    if (!Number.isInteger(u) || u < 0 || u >= data.users) throw new InputError(`${table.place(i)}: unknown ${uc} ${u} (expected 0..${data.users - 1})`);
    const c = Number.isInteger(t) && t >= 0 && t < data.tags ? col[t]! : -1;
    if (c < 0) throw new InputError(`${table.place(i)}: unknown ${tc} ${t} (not a catalog tag: a tag of train/movie's tag lists)`);
    if (!Number.isFinite(v)) throw new InputError(`${table.place(i)}: ${vc} is not a finite number (got ${v})`);
    const at = u * width + c;
    if (first[at] !== 0) throw new InputError(`${table.place(i)}: duplicate pair ${uc} ${u}, ${tc} ${t} (first at ${table.place(first[at]! - 1)})`);
    first[at] = i + 1;
    estimate[at] = v;
  }
  return { estimate, given: table.rows };
}
