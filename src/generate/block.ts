/**
 * One block of users [from, to), generated and encoded: the engine runs each user, and that user's
 * rows go straight into the text of the streamed files (rating, obstag, rcttag, Test I, liked tags,
 * dropped tags, τ, and with `truth: full` every pair). What is kept per user is only what the later
 * global stages need: the number of observed ratings (the Test II draws index them) and the user's
 * share of the test-set pools. Pure: text and numbers out, no files; the gzip of `truth: full` is
 * the caller's (src/io/run/pass/gzip-members.ts), so that this module needs no Node built-in.
 */
import { UserTagFlags } from "../testsets/user-labels.js";
import { PotentialOutcomes } from "../truth/potential-outcomes.js";
import { TagEffects } from "../truth/tag-effect.js";
import { STREAMED_FILES, type StreamedFile } from "./layout.js";
import { CsvBytes } from "./csv-bytes.js";
import { type MovieValueRows, UserRows } from "../mechanisms/user-rows.js";
import type { World } from "./world.js";
import type { VariantBlock, VariantRows } from "./variant-rows.js";
import { GZIP_CHUNK, type GzipMember } from "./gzip-member.js";

export interface BlockOutput {
  readonly from: number;
  readonly to: number;
  /** Encoded rows of each streamed file (no header), in user order. */
  readonly bytes: Readonly<Record<StreamedFile, Uint8Array>>;
  readonly rows: Readonly<Record<StreamedFile, number>>;
  /** truth/full.csv.gz rows as gzip members (empty unless `truth: full`). */
  readonly full: readonly Uint8Array[];
  readonly fullRows: number;
  /** Observed ratings per user of the block. */
  readonly ratingCounts: Int32Array;
  /** Pool sizes [II pos, II neg, III pos, III neg] summed over the block's users. */
  readonly pools: readonly number[];
  /** Rows emitted to tables outside the CTAR layout. */
  readonly otherRows: number;
  /** A variant world's streamed files (variant-rows.ts), when it has any. */
  readonly variant?: VariantBlock;
}


/** Sees each user after it ran (rows and values are reused by the next user: read, do not keep). */
export type UserObserver = (user: number, rows: UserRows, flags: UserTagFlags, values: ReadonlyMap<string, unknown>) => void;

export class BlockRunner {
  private readonly rows = new UserRows();
  private readonly flags: UserTagFlags;
  private readonly outcomes: PotentialOutcomes;
  private tau = new Float64Array(64);
  private keys = new Int32Array(64);
  private readonly out = Object.fromEntries(STREAMED_FILES.map((f) => [f, new CsvBytes()])) as Record<StreamedFile, CsvBytes>;
  private readonly fullOut: CsvBytes | undefined;

  constructor(
    readonly world: World,
    /** `truth: full`: how to compress its chunks; false: no truth/full.csv.gz rows. */
    private readonly fullTruth: GzipMember | false,
    private readonly observe?: UserObserver,
    /** A variant world's tables (uplift, clicks), when it has any. */
    private readonly variant?: VariantRows,
  ) {
    this.flags = new UserTagFlags(world.movieTags, world.tagCount, world.inMovies);
    this.outcomes = new PotentialOutcomes(world.movies, world.outcomeNodes);
    this.fullOut = fullTruth !== false ? new CsvBytes(GZIP_CHUNK + (1 << 16)) : undefined;
  }

  run(from: number, to: number): BlockOutput {
    const w = this.world;
    const id = w.tagOutputId;
    const reference = w.input.config.compat === "reference";
    const out = this.out;
    const ratingCounts = new Int32Array(to - from);
    const pools = new Float64Array(4);
    const full: Uint8Array[] = [];
    const fullOut = this.fullOut;
    const gzip = this.fullTruth;
    let fullRows = 0;
    let other = 0;
    const effects = w.effects instanceof TagEffects ? w.effects : undefined;
    for (let u = from; u < to; u++) {
      this.rows.begin(u);
      const values = w.engine.runUser(u, this.rows.emit);
      const r = this.rows;
      other += r.other;
      const liked = w.likedNode === undefined ? undefined : (values.get(w.likedNode) as Int32Array | undefined);
      this.flags.compute(r, liked, reference);
      this.flags.addPools(pools, w.movieTagKinds);
      ratingCounts[u - from] = r.rating.length;
      this.observe?.(u, r, this.flags, values);
      this.variant?.user(u, values);

      const rating = out["train/rating.csv"];
      for (let i = 0; i < r.rating.length; i++) rating.int(u).comma().int(r.rating.movie[i]!).comma().num(r.rating.value[i]!).end();
      tagRows(out["train/obstag.csv"], u, r.obstag, id);
      tagRows(out["train/rcttag.csv"], u, r.rcttag, id);
      tagRows(out["truth/obstag_dropped.csv"], u, r.dropped, id);
      const f = this.flags;
      const t1 = out["test/test_1.csv"];
      for (let i = 0; i < f.test1Length; i++) t1.int(u).comma().int(id[f.test1[i]!]!).text(",1").end();
      if (liked instanceof Int32Array) {
        const order = this.sortedIds(liked, id);
        const lt = out["truth/liked_tags.csv"];
        for (let i = 0; i < liked.length; i++) lt.int(u).comma().int(order[i]! >>> 8).end();
        if (effects !== undefined) {
          const tl = values.get(w.overlapNode!) as { count?: unknown } | undefined;
          this.userTagRows(out["truth/user_tag.csv"], u, liked, effects, id, tl?.count instanceof Uint8Array ? tl.count : undefined);
        }
      }
      if (fullOut !== undefined) {
        const o = this.outcomes.read(values, w.engine.kernels);
        if (o !== undefined) {
          const { rating: rr, liked: k, pRating, pObsTag } = o;
          for (let m = 0; m < rr.length; m++) {
            fullOut.int(u).comma().int(m).comma().num(rr[m]!).comma().int(k[m]!).comma();
            if (pRating !== undefined) fullOut.num(pRating[m]!);
            fullOut.comma();
            if (pObsTag !== undefined) fullOut.num(pObsTag[m]!);
            fullOut.end();
          }
          fullRows += rr.length;
          if (fullOut.length >= GZIP_CHUNK && gzip !== false) full.push(gzip(fullOut.take()));
        }
      }
    }
    if (fullOut !== undefined && fullOut.length > 0 && gzip !== false) full.push(gzip(fullOut.take()));
    const rows = {} as Record<StreamedFile, number>;
    const bytes = {} as Record<StreamedFile, Uint8Array>;
    for (const file of STREAMED_FILES) {
      rows[file] = out[file].rows;
      bytes[file] = out[file].take();
    }
    const variant = this.variant?.active === true ? { variant: this.variant.take() } : {};
    return { from, to, bytes, rows, full, fullRows, ratingCounts, pools: Array.from(pools), otherRows: other, ...variant };
  }

  /**
   * The released ids of a user's liked tags, sorted, each as id · 256 + its index in `liked` (an
   * insertion sort: a user likes a few dozen tags at most).
   */
  private sortedIds(liked: Int32Array, id: Int32Array): Int32Array {
    if (this.keys.length < liked.length) this.keys = new Int32Array(liked.length * 2);
    const k = this.keys;
    if (liked.length > 256 || id.length > 1 << 23) throw new RangeError(`block: ${liked.length} liked tags or ${id.length} tags exceed the packed sort (256 tags, 2^23 ids)`);
    for (let i = 0; i < liked.length; i++) {
      const v = (id[liked[i]!]! << 8) | i;
      let j = i;
      while (j > 0 && k[j - 1]! > v) {
        k[j] = k[j - 1]!;
        j--;
      }
      k[j] = v;
    }
    return k;
  }

  /** truth/user_tag.csv rows of one user: τ and τ′ per liked tag, by released tag id. */
  private userTagRows(out: CsvBytes, u: number, liked: Int32Array, effects: TagEffects, id: Int32Array, counts: Uint8Array | undefined): void {
    if (this.tau.length < liked.length) this.tau = new Float64Array(liked.length);
    const tau = this.tau;
    if (counts !== undefined && counts.length === this.world.movies) effects.tauFromCounts(liked, counts, tau);
    else effects.tau(liked, tau);
    const keys = this.sortedIds(liked, id);
    for (let k = 0; k < liked.length; k++) {
      const i = keys[k]! & 255;
      out.int(u).comma().int(id[liked[i]!]!).text(",1,").num(tau[i]!).text(effects.tauPrimeOf(liked[i]!, tau[i]!) === 1 ? ",1" : ",0").end();
    }
  }
}

function tagRows(out: CsvBytes, u: number, rows: MovieValueRows, id: Int32Array): void {
  for (let i = 0; i < rows.length; i++) {
    const t = rows.value[i]!;
    out.int(u).comma().int(rows.movie[i]!).comma().int(t < 0 ? -1 : id[t]!).end();
  }
}
