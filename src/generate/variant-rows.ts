/**
 * The rows one user adds to a variant world's streamed files (variant-tables.ts), encoded as the
 * block runner goes (block.ts): for an uplift world the pairs with T = 1 or Y = 1 (every pair not
 * listed has T = Y = 0: lossless, and about 2c·√|M| + Σ P(Y = 1) rows a user instead of |M|), and
 * with `--propensity` every pair's P(T = 1), gzipped in members as truth/full.csv.gz is; for a
 * click world one row per list position in the log (what a click log shows: the movie, the click,
 * the logged swap) and in truth/click.csv what it hides (the examination, the attraction, the
 * rating of the movie shown). Pure: the gzip is the caller's function.
 */
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { isLoggedList } from "../mechanisms/logging-ranker.js";
import type { OutcomeRow, TreatmentRow } from "../mechanisms/values.js";
import { GZIP_CHUNK, type GzipMember } from "./gzip-member.js";
import { CsvBytes } from "./csv-bytes.js";
import { CLICK_LOG_FILE, CLICK_TRUTH_FILE, type ClickNodes, PROPENSITY_FILE, TREATMENT_FILE, type UpliftNodes, type VariantOptions, clickNodesIn, upliftNodesOf, variantStreamedFiles } from "./variant-tables.js";


/** A block's rows of each variant file: encoded chunks (gzip members for .gz files) and row counts. */
export interface VariantBlock {
  readonly chunks: Readonly<Record<string, Uint8Array[]>>;
  readonly rows: Readonly<Record<string, number>>;
}

export class VariantRows {
  private readonly uplift: UpliftNodes | undefined;
  private readonly clicks: ClickNodes | undefined;
  private readonly ratingNode: string | undefined;
  private readonly out = new Map<string, CsvBytes>();
  private members: Uint8Array[] = [];
  /** Rows of the propensity file already compressed into `members`. */
  private memberRows = 0;
  /** The files this world streams, in order. */
  readonly files: readonly string[];

  constructor(
    graph: MGraph,
    registry: MechanismRegistry,
    options: VariantOptions,
    private readonly gzip: GzipMember | false,
  ) {
    const up = upliftNodesOf(graph, registry);
    const cl = clickNodesIn(graph);
    this.uplift = "reason" in up ? undefined : up;
    this.clicks = "missing" in cl ? undefined : cl;
    this.ratingNode = this.clicks?.attraction.parents[0];
    const files = variantStreamedFiles(graph, registry, options);
    if (files.includes(PROPENSITY_FILE) && gzip === false) throw new Error("variant rows: --propensity needs a gzip function");
    this.files = files;
    for (const f of files) this.out.set(f, new CsvBytes(f === PROPENSITY_FILE ? GZIP_CHUNK + (1 << 16) : undefined));
  }

  get active(): boolean {
    return this.files.length > 0;
  }

  /** Encodes user u's rows from the values the engine computed for u. */
  user(u: number, values: ReadonlyMap<string, unknown>): void {
    if (this.uplift !== undefined) this.upliftRows(u, values, this.uplift);
    if (this.clicks !== undefined) this.clickRows(u, values, this.clicks);
  }

  private upliftRows(u: number, values: ReadonlyMap<string, unknown>, nodes: UpliftNodes): void {
    const t = values.get(nodes.treatment) as TreatmentRow;
    const y = values.get(nodes.outcome) as OutcomeRow;
    const out = this.out.get(TREATMENT_FILE)!;
    for (let m = 0; m < y.outcome.length; m++) {
      if (t.treated[m] === 1 || y.outcome[m] === 1) out.int(u).comma().int(m).comma().int(t.treated[m]!).comma().int(y.outcome[m]!).end();
    }
    const p = this.out.get(PROPENSITY_FILE);
    if (p === undefined) return;
    for (let m = 0; m < y.outcome.length; m++) p.int(u).comma().int(m).comma().num(t.propensity[m]!).end();
    if (p.length >= GZIP_CHUNK) this.flush(p);
  }

  private flush(p: CsvBytes): void {
    this.memberRows += p.rows;
    if (this.gzip !== false) this.members.push(this.gzip(p.take()));
  }

  private clickRows(u: number, values: ReadonlyMap<string, unknown>, nodes: ClickNodes): void {
    const list = values.get(nodes.list);
    if (!isLoggedList(list)) throw new GraphError(`node '${nodes.list}': user ${u}'s value is not a logged list`);
    const c = values.get(nodes.click) as Uint8Array;
    const e = values.get(nodes.exam.name) as Uint8Array;
    const a = values.get(nodes.attraction.name) as Uint8Array;
    const r = values.get(this.ratingNode!) as Float64Array;
    const log = this.out.get(CLICK_LOG_FILE)!;
    const truth = this.out.get(CLICK_TRUTH_FILE)!;
    for (let j = 0; j < list.order.length; j++) {
      const m = list.order[j]!;
      log.int(u).comma().int(j + 1).comma().int(m).comma().int(c[m]!).comma().int(list.swap).end();
      truth.int(u).comma().int(j + 1).comma().int(m).comma().num(r[m]!).comma().int(e[m]!).comma().int(a[m]!).end();
    }
  }

  /** The block's rows so far, and a fresh start for the next block. */
  take(): VariantBlock {
    const chunks: Record<string, Uint8Array[]> = {};
    const rows: Record<string, number> = {};
    for (const f of this.files) {
      const out = this.out.get(f)!;
      if (f === PROPENSITY_FILE) {
        if (out.length > 0) this.flush(out);
        rows[f] = this.memberRows;
        chunks[f] = this.members;
        this.members = [];
        this.memberRows = 0;
      } else {
        rows[f] = out.rows;
        chunks[f] = [out.take()];
      }
    }
    return { chunks, rows };
  }
}
