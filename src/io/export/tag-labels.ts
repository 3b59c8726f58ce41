/**
 * The training observations of the user–tag task, streamed from train/obstag or train/rcttag
 * (sorted by user, then movie) as (user, movie, tag, label) rows, by the CTAR labelling
 * (docs/baselines.md#training-labels): a listed tag → 1; a −1 row → every tag of the movie 0; and, for the
 * randomized survey, every tag of the movie the user did not list → 0. One row per observation
 * (not deduplicated across movies: a (user, tag) seen through two movies appears twice).
 */
import { InputError } from "../../errors/errors.js";
import { type MovieTags, moviesOf } from "../../catalog/movie-tags.js";
import { locateTable, rowPlace, tableBlocks } from "../tables/dataset-table.js";
import type { IdRanges } from "./id-range.js";
import { checkId } from "./id-range.js";

export type LabelVisitor = (user: number, movie: number, tag: number, label: number) => void;

export async function forEachTagLabel(dir: string, source: "obstag" | "rcttag", movies: MovieTags, visit: LabelVisitor, ids?: IdRanges): Promise<void> {
  let user = -1;
  let movie = -1;
  let listed: number[] = [];
  const flush = () => {
    if (user < 0) return;
    const tags = movies.tag.subarray(movies.start[movie]!, movies.start[movie + 1]!);
    const none = listed.length === 1 && listed[0] === -1;
    for (const t of listed) if (t >= 0) visit(user, movie, t, 1);
    if (none || source === "rcttag") for (const t of tags) if (!listed.includes(t)) visit(user, movie, t, 0);
  };
  const loc = locateTable(dir, `train/${source}`);
  for await (const b of tableBlocks(loc, ["userid", "movieid", "tagid"])) {
    const [u, m, t] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      if (m![i]! < 0 || m![i]! >= moviesOf(movies)) throw new InputError(`${rowPlace(loc, b.start + i)}: movieid ${m![i]} out of range (expected 0..${moviesOf(movies) - 1}, the movies of movie.csv)`);
      if (ids !== undefined) {
        checkId(ids, "userid", u![i]!, loc, b.start + i);
        checkId(ids, "tagid", t![i]!, loc, b.start + i, true);
      }
      if (u![i] !== user || m![i] !== movie) {
        flush();
        user = u![i]!;
        movie = m![i]!;
        listed = [];
      }
      listed.push(t![i]!);
    }
  }
  flush();
}
