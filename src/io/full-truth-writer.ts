/**
 * truth/full.csv.gz (`ctar generate --truth full`): the complete data before missingness, every
 * (user, movie) pair, written user by user while the engine runs (never a users × movies table).
 * Columns: userid, movieid, rating (R, the potential outcome), liked_tags (|TL|), p_rating
 * (P(R_R = 1)), p_obstag (P(R_O = 1)); a probability the mechanism does not record is left empty.
 */
import type { NodeKernel } from "../mechanisms/mechanism.js";
import { PotentialOutcomes } from "../truth/potential-outcomes.js";
import { GzipCsvWriter } from "./gzip-csv-writer.js";

export const FULL_TRUTH_FILE = "truth/full.csv.gz";
export const FULL_TRUTH_HEADER = "userid,movieid,rating,liked_tags,p_rating,p_obstag";

export class FullTruthWriter {
  private readonly out: GzipCsvWriter;
  private readonly outcomes: PotentialOutcomes;
  constructor(file: string, movies: number) {
    this.out = new GzipCsvWriter(file, FULL_TRUTH_HEADER);
    this.outcomes = new PotentialOutcomes(movies);
  }

  /** The engine's per-user observer (GenerateOptions.observeUser). */
  readonly observe = (user: number, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>): void => {
    const row = this.outcomes.read(values, kernels);
    if (row === undefined) return;
    const { rating, liked, pRating, pObsTag } = row;
    for (let m = 0; m < rating.length; m++) {
      this.out.line(`${user},${m},${rating[m]},${liked[m]},${pRating === undefined ? "" : pRating[m]},${pObsTag === undefined ? "" : pObsTag[m]}`);
    }
  };

  /** Closes the file; returns the number of data rows. */
  close(): number {
    this.out.close();
    return this.out.rows;
  }
}
