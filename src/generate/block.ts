/**
 * One block of users [from, to), generated and encoded: the engine runs each user, and that user's
 * rows go straight into the text of the streamed files (rating, obstag, rcttag, Test I, liked tags,
 * dropped tags, τ, and with `truth: full` every pair). What is kept per user is only what the later
 * global stages need: the number of observed ratings (the Test II draws index them) and the user's
 * share of the test-set pools. Pure: text and numbers out, no files.
 */
import { gzipSync } from "node:zlib";
import { UserTagFlags } from "../testsets/user-labels.js";
import { PotentialOutcomes } from "../truth/potential-outcomes.js";
import { TagEffects } from "../truth/tag-effect.js";
import { STREAMED_FILES, type StreamedFile } from "./layout.js";
import { UserRows } from "./user-rows.js";
import type { World } from "./world.js";

export interface BlockOutput {
  readonly from: number;
  readonly to: number;
  /** Encoded rows of each streamed file (no header), in user order. */
  readonly text: Readonly<Record<StreamedFile, string>>;
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
}

/** Gzip members of about this many characters of CSV each. */
const GZIP_CHUNK = 1 << 20;

/** Sees each user after it ran (rows and values are reused by the next user: read, do not keep). */
export type UserObserver = (user: number, rows: UserRows, flags: UserTagFlags, values: ReadonlyMap<string, unknown>) => void;

export class BlockRunner {
  private readonly rows = new UserRows();
  private readonly flags: UserTagFlags;
  private readonly outcomes: PotentialOutcomes;
  private tau = new Float64Array(64);

  constructor(
    readonly world: World,
    readonly fullTruth: boolean,
    private readonly observe?: UserObserver,
  ) {
    this.flags = new UserTagFlags(world.movieTags, world.tagCount, world.inMovies);
    this.outcomes = new PotentialOutcomes(world.movies);
  }

  run(from: number, to: number): BlockOutput {
    const w = this.world;
    const id = w.tagOutputId;
    const reference = w.input.config.compat === "reference";
    const text = Object.fromEntries(STREAMED_FILES.map((f) => [f, ""])) as Record<StreamedFile, string>;
    const rows = Object.fromEntries(STREAMED_FILES.map((f) => [f, 0])) as Record<StreamedFile, number>;
    const ratingCounts = new Int32Array(to - from);
    const pools = new Float64Array(4);
    const full: Uint8Array[] = [];
    let fullText = "";
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

      let s = "";
      for (let i = 0; i < r.rating.length; i++) s += `${u},${r.rating.movie[i]},${r.rating.value[i]}\n`;
      text["train/rating.csv"] += s;
      rows["train/rating.csv"] += r.rating.length;
      text["train/obstag.csv"] += tagRows(u, r.obstag.movie, r.obstag.value, r.obstag.length, id);
      rows["train/obstag.csv"] += r.obstag.length;
      text["train/rcttag.csv"] += tagRows(u, r.rcttag.movie, r.rcttag.value, r.rcttag.length, id);
      rows["train/rcttag.csv"] += r.rcttag.length;
      text["truth/obstag_dropped.csv"] += tagRows(u, r.dropped.movie, r.dropped.value, r.dropped.length, id);
      rows["truth/obstag_dropped.csv"] += r.dropped.length;

      const f = this.flags;
      s = "";
      for (let i = 0; i < f.test1Length; i++) s += `${u},${id[f.test1[i]!]},1\n`;
      text["test/test_1.csv"] += s;
      rows["test/test_1.csv"] += f.test1Length;

      if (liked instanceof Int32Array) {
        const order = Array.from(liked, (t) => id[t]!).sort((a, b) => a - b);
        s = "";
        for (const t of order) s += `${u},${t}\n`;
        text["truth/liked_tags.csv"] += s;
        rows["truth/liked_tags.csv"] += order.length;
        if (effects !== undefined) {
          text["truth/user_tag.csv"] += this.userTagRows(u, liked, effects, id);
          rows["truth/user_tag.csv"] += liked.length;
        }
      }
      if (this.fullTruth) {
        const o = this.outcomes.read(values, w.engine.kernels);
        if (o !== undefined) {
          const { rating, liked: k, pRating, pObsTag } = o;
          for (let m = 0; m < rating.length; m++) {
            fullText += `${u},${m},${rating[m]},${k[m]},${pRating === undefined ? "" : pRating[m]},${pObsTag === undefined ? "" : pObsTag[m]}\n`;
          }
          fullRows += rating.length;
          if (fullText.length >= GZIP_CHUNK) {
            full.push(gzipSync(fullText, { level: 6 }));
            fullText = "";
          }
        }
      }
    }
    if (fullText.length > 0) full.push(gzipSync(fullText, { level: 6 }));
    return { from, to, text, rows, full, fullRows, ratingCounts, pools: Array.from(pools), otherRows: other };
  }

  /** truth/user_tag.csv rows of one user: τ and τ′ per liked tag, by released tag id. */
  private userTagRows(u: number, liked: Int32Array, effects: TagEffects, id: Int32Array): string {
    if (this.tau.length < liked.length) this.tau = new Float64Array(liked.length);
    const tau = this.tau;
    effects.tau(liked, tau);
    const order = Array.from(liked.keys()).sort((a, b) => id[liked[a]!]! - id[liked[b]!]!);
    let s = "";
    for (const i of order) s += `${u},${id[liked[i]!]},1,${tau[i]},${tau[i]! > 0 ? 1 : 0}\n`;
    return s;
  }
}

function tagRows(u: number, movie: Int32Array, tag: Float64Array, n: number, id: Int32Array): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const t = tag[i]!;
    s += `${u},${movie[i]},${t < 0 ? -1 : id[t]}\n`;
  }
  return s;
}
