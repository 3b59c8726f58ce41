/**
 * A predictions file of the `effects` task: `userid,tagid,tau` (CSV, or Parquet with int32, int32,
 * double columns), at most one row per (user, catalog tag), into a dense estimate over the
 * population (src/tasks/effects/effects-data.ts). A pair the file leaves out is estimated as
 * τ̂ = 0, the effect of a tag the user does not like (most pairs); the count given is returned so
 * the output can say so. Anything else is an InputError naming file:line (CSV: the header is line
 * 1; Parquet: the data row): a missing or extra column, a header only, a non-finite tau, an
 * unknown user or tag, a pair given twice.
 */
import { InputError } from "../../errors/errors.js";
import type { EffectsData } from "../../tasks/effects/effects-data.js";
import { populationSize, tagColumns } from "../../tasks/effects/effects-data.js";
import { forEachCsvRow, parseIntField, parseNumberField, readText } from "../csv.js";
import { checkColumns, openParquetTableReader } from "../parquet/table-reader.js";
import type { ColumnSpec } from "../parquet/table-schema.js";

export const EFFECT_PREDICTION_COLUMNS = ["userid", "tagid", "tau"] as const;

const SPECS: readonly ColumnSpec[] = [
  { name: "userid", type: "int32" },
  { name: "tagid", type: "int32" },
  { name: "tau", type: "double" },
];

export interface EffectPredictions {
  readonly estimate: Float64Array;
  /** Pairs the file gave (the rest are 0). */
  readonly given: number;
}

/** Collects rows into the dense estimate, checking ids, values and repeats. */
class Collector {
  readonly estimate: Float64Array;
  private readonly firstLine: Int32Array;
  private readonly col: Int32Array;
  private readonly width: number;
  given = 0;
  constructor(private readonly data: EffectsData, private readonly file: string) {
    this.width = data.catalogTags.length;
    this.estimate = new Float64Array(populationSize(data.users, this.width));
    this.firstLine = new Int32Array(this.estimate.length);
    this.col = tagColumns(data.tags, data.catalogTags);
  }
  add(u: number, t: number, tau: number, line: number, where: string): void {
    const { file, data } = this;
    if (u < 0 || u >= data.users) throw new InputError(`${file}:${where}${line}: userid ${u} is not a user of the dataset (expected 0..${data.users - 1})`);
    const c = t >= 0 && t < data.tags ? this.col[t]! : -1;
    if (c < 0) throw new InputError(`${file}:${where}${line}: tagid ${t} is not a catalog tag of the dataset (a tag of train/movie's tag lists)`);
    if (!Number.isFinite(tau)) throw new InputError(`${file}:${where}${line}: tau is ${tau} (expected a finite number)`);
    const i = u * this.width + c;
    const first = this.firstLine[i]!;
    if (first !== 0) throw new InputError(`${file}:${where}${line}: user ${u}, tag ${t} is given twice (first at ${where}${first})`);
    this.firstLine[i] = line;
    this.estimate[i] = tau;
    this.given++;
  }
}

function readCsv(file: string, data: EffectsData): EffectPredictions {
  const text = readText(file);
  const into = new Collector(data, file);
  const header = (text.split("\n", 1)[0] ?? "").replace(/\r$/, "").split(",").map((s) => s.trim());
  const extra = header.filter((h) => !(EFFECT_PREDICTION_COLUMNS as readonly string[]).includes(h));
  if (extra.length > 0 && header.length > 0 && header[0] !== "") throw new InputError(`${file}:1: unexpected column${extra.length > 1 ? "s" : ""} ${extra.map((x) => `'${x}'`).join(", ")} (expected exactly ${EFFECT_PREDICTION_COLUMNS.join(",")})`);
  const rows = forEachCsvRow(text, file, EFFECT_PREDICTION_COLUMNS, (f, line) => {
    const u = parseIntField(f[0]!, file, line, "userid");
    const t = parseIntField(f[1]!, file, line, "tagid");
    into.add(u, t, parseNumberField(f[2]!, file, line, "tau"), line, "");
  });
  if (rows === 0) throw new InputError(`${file}:1: a header and no rows (expected userid,tagid,tau rows)`);
  return { estimate: into.estimate, given: into.given };
}

function readParquet(file: string, data: EffectsData): EffectPredictions {
  const t = openParquetTableReader(file);
  try {
    checkColumns(t, SPECS);
    const extra = t.columns.filter((c) => !(EFFECT_PREDICTION_COLUMNS as readonly string[]).includes(c.name));
    if (extra.length > 0) throw new InputError(`${file}: unexpected column${extra.length > 1 ? "s" : ""} ${extra.map((c) => `'${c.name}'`).join(", ")} (expected exactly ${EFFECT_PREDICTION_COLUMNS.join(",")})`);
    if (t.rows === 0) throw new InputError(`${file}: no rows (expected userid,tagid,tau rows)`);
    const into = new Collector(data, file);
    let row = 0;
    for (let g = 0; g < t.rowGroups; g++) {
      const [u, tag, tau] = t.readRowGroup(g, EFFECT_PREDICTION_COLUMNS as unknown as string[]) as [Int32Array, Int32Array, Float64Array];
      for (let i = 0; i < u.length; i++) {
        row++;
        into.add(u[i]!, tag[i]!, tau[i]!, row, "row ");
      }
    }
    return { estimate: into.estimate, given: into.given };
  } finally {
    t.close();
  }
}

/** Reads `file` (.parquet by its extension, else CSV) against the dataset's population. */
export function readEffectPredictions(file: string, data: EffectsData): EffectPredictions {
  return file.toLowerCase().endsWith(".parquet") ? readParquet(file, data) : readCsv(file, data);
}
