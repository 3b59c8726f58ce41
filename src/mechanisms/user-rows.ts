/**
 * The observed rows one user's proxies emit (internal ids), collected while the engine runs the
 * user and cleared before the next: the unit every later stage works on (the streamed files, the
 * user's known labels and Test I, the test-set draws that regenerate a user).
 */
import type { Emit } from "./mechanism.js";

/** The tables of the CTAR layout that proxies emit to. */
export const EMITTED_TABLES = ["rating", "obstag", "rcttag", "dropped"] as const;
export type EmittedTable = (typeof EMITTED_TABLES)[number];

/** One table's rows for the current user: (movie, value), in emission order. */
export class MovieValueRows {
  movie = new Int32Array(64);
  value = new Float64Array(64);
  length = 0;
  push(m: number, v: number): void {
    if (this.length === this.movie.length) {
      const movie = new Int32Array(this.length * 2);
      movie.set(this.movie);
      const value = new Float64Array(this.length * 2);
      value.set(this.value);
      this.movie = movie;
      this.value = value;
    }
    this.movie[this.length] = m;
    this.value[this.length++] = v;
  }
}

export class UserRows {
  readonly rating = new MovieValueRows();
  readonly obstag = new MovieValueRows();
  readonly rcttag = new MovieValueRows();
  readonly dropped = new MovieValueRows();
  /** Rows emitted to tables outside the CTAR layout (by user mechanisms), counted only. */
  other = 0;
  private user = -1;

  /** Starts collecting the rows of user `u`. */
  begin(u: number): void {
    this.user = u;
    this.rating.length = 0;
    this.obstag.length = 0;
    this.rcttag.length = 0;
    this.dropped.length = 0;
  }

  readonly emit: Emit = (table, a, b, c) => {
    if (a !== this.user) throw new RangeError(`a row for user ${a} was emitted while user ${this.user} ran`);
    switch (table) {
      case "rating":
        this.rating.push(b, c);
        break;
      case "obstag":
        this.obstag.push(b, c);
        break;
      case "rcttag":
        this.rcttag.push(b, c);
        break;
      case "dropped":
        this.dropped.push(b, c);
        break;
      default:
        this.other++;
    }
  };
}
